package dev.baton.cli;

import dev.baton.model.naming.ObjectNames;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@code --namespace} option, refusing anything but a DNS-1123 label (exit 2 with the reason). */
public final class NamespaceArgument implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        ObjectNames.namespaceProblem(value).ifPresent(problem -> {
            throw new TypeConversionException(problem);
        });
        return value;
    }

    /** A token's namespace: a DNS-1123 label, or {@code *} for every namespace. */
    public static final class OrEvery implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return value.equals("*") ? value : new NamespaceArgument().convert(value);
        }
    }
}
