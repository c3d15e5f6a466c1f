package dev.baton.driver.process;

/**
 * Recognises the few test images whose behaviour the host driver reproduces without a container:
 * {@code argoproj/argosay} v2 (entry point {@code /argosay}) and the {@code cowsay} of
 * {@code argoproj/argosay:v1} and {@code docker/whalesay}.
 */
enum ImageEmulation {
    ARGOSAY,
    COWSAY_IMAGE,
    NONE;

    static ImageEmulation of(String image) {
        if (image == null || image.isBlank()) {
            return NONE;
        }
        String name = image.trim();
        int digest = name.indexOf('@');
        if (digest >= 0) {
            name = name.substring(0, digest);
        }
        String tag = "";
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (isRepository(name, "argoproj/argosay")) {
            return tag.equals("v1") ? COWSAY_IMAGE : ARGOSAY;
        }
        if (isRepository(name, "docker/whalesay")) {
            return COWSAY_IMAGE;
        }
        return NONE;
    }

    /** True for {@code repo} itself or {@code registry.example/…/repo}. */
    private static boolean isRepository(String name, String repo) {
        return name.equals(repo) || name.endsWith("/" + repo);
    }
}
