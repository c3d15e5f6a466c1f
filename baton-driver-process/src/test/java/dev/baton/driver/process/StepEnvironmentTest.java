package dev.baton.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepEnvironmentTest {
    @Test
    void onlyTheAllowListIsInheritedSoNoSecretOfBatonsReachesAStep() {
        Map<String, String> host = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8",
                "BATON_STORE_URL", "jdbc:postgresql://db/baton?password=secret", "BATON_S3_SECRET_KEY", "s3cr3t",
                "BATON_SECRET_TOKEN", "t0k3n", "AWS_SECRET_ACCESS_KEY", "aws", "AWS_ACCESS_KEY_ID", "id",
                "PGPASSWORD", "pg", "DATABASE_URL", "postgres://u:p@db", "TMPDIR", "/var/tmp");

        Map<String, String> env = StepEnvironment.of(host, Map.of("GREETING", "hello"));

        assertThat(env).containsOnlyKeys("PATH", "LANG", "GREETING");
    }

    @Test
    void theWorkflowsOwnVariablesWin() {
        assertThat(StepEnvironment.of(Map.of("LANG", "C"), Map.of("LANG", "fr_FR.UTF-8"))).containsEntry("LANG",
                "fr_FR.UTF-8");
    }

    @Test
    void aStepRunAsAnotherUserInheritsItsOwnHomeAndOnlyThePathItCanEnter() {
        Confinement asNobody = new Confinement(List.of(), List.of(), new StepUser(65534, 65534), true);

        Map<String, String> env = StepEnvironment.inherited(Map.of("PATH", "/usr/bin:/no/such/dir:/bin",
                "HOME", "/root", "BATON_STORE_PASSWORD", "pw"), asNobody);

        assertThat(env).containsOnly(Map.entry("PATH", "/usr/bin:/bin"), Map.entry("HOME", "/tmp"));
    }
}
