package dev.baton.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenLifetimeTest {
    @Test
    void minutesHoursAndDays() {
        assertThat(TokenLifetime.parse("45m").duration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(TokenLifetime.parse("12h").duration()).isEqualTo(Duration.ofHours(12));
        assertThat(TokenLifetime.parse("30d").duration()).isEqualTo(Duration.ofDays(30));
        assertThat(TokenLifetime.parse("3650d").duration()).isEqualTo(Duration.ofDays(3650));
    }

    @Test
    void anythingElseIsRefusedWithAnExample() {
        for (String bad : new String[]{"", "30", "0d", "-1d", "1.5h", "30D", "1w", "3651d", "9999999d", "P30D"}) {
            assertThatThrownBy(() -> TokenLifetime.parse(bad)).as(bad).hasMessageContaining("--expires-in");
        }
    }
}
