package dev.baton.template.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rendering into templates, JSON in and out, and Go time layouts. */
class ExprValuesTest {

    @Test
    void rendersLikeGoPercentV() {
        assertThat(ExprValues.render("text")).isEqualTo("text");
        assertThat(ExprValues.render(35.8)).isEqualTo("35.8");
        assertThat(ExprValues.render(3.0)).isEqualTo("3");
        assertThat(ExprValues.render(1e21)).isEqualTo("1e+21");
        assertThat(ExprValues.render(-0.5)).isEqualTo("-0.5");
        assertThat(ExprValues.render(3L)).isEqualTo("3");
        assertThat(ExprValues.render(7)).isEqualTo("7");
        assertThat(ExprValues.render(true)).isEqualTo("true");
        assertThat(ExprValues.render(List.of(1, "a", List.of()))).isEqualTo("[1 a []]");
        assertThat(ExprValues.render(Map.of("b", 1, "a", Map.of()))).isEqualTo("map[a:map[] b:1]");
        assertThat(ExprValues.render(Duration.ofMinutes(90))).isEqualTo("1h30m0s");
        assertThat(ExprValues.render(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 6000, ZoneOffset.UTC)))
                .isEqualTo("2024-01-02 03:04:05.000006 +0000 UTC");
    }

    @Test
    void renderingNilIsAnError() {
        assertThatThrownBy(() -> ExprValues.render(null))
                .isInstanceOf(ExprException.class)
                .hasMessage("expression evaluated to nil");
    }

    @Test
    void writesJsonAsGoDoes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", Arrays.asList(1, 2.5, null, "q\"<>&\n"));
        map.put("a", Map.of());
        assertThat(ExprValues.toJson(map)).isEqualTo("{\"a\":{},\"z\":[1,2.5,null,\"q\\\"\\u003c\\u003e\\u0026\\n\"]}");
        assertThat(ExprValues.toJson(1e21)).isEqualTo("1e+21");
        assertThat(ExprValues.toJson(1e-7)).isEqualTo("1e-7");
        assertThat(ExprValues.toJson(123456789.0)).isEqualTo("123456789");
        assertThat(ExprValues.toJson(List.of())).isEqualTo("[]");
        assertThatThrownBy(() -> ExprValues.toJson(Double.NaN))
                .isInstanceOf(ExprException.class)
                .hasMessage("json: unsupported value: NaN");
    }

    @Test
    void readsJsonKeepingIntegersAsLongs() {
        Object parsed = ExprValues.fromJson(" {\"a\": [1, 2.5, -3e2, true, null, \"\\u00e9\\n\"], \"b\": {}} ");
        assertThat(parsed).isEqualTo(Map.of("a", Arrays.asList(1L, 2.5, -300.0, true, null, "é\n"), "b", Map.of()));
        assertThat(ExprValues.fromJson("12345678901234567890")).isEqualTo(1.2345678901234567e19);
        assertThatThrownBy(() -> ExprValues.fromJson("[1, 2"))
                .isInstanceOf(ExprException.class).hasMessage("unexpected end of JSON input");
        assertThatThrownBy(() -> ExprValues.fromJson("{\"a\" 1}"))
                .isInstanceOf(ExprException.class).hasMessage("invalid character '1' after object key");
        assertThatThrownBy(() -> ExprValues.fromJson("[1] x"))
                .isInstanceOf(ExprException.class).hasMessage("invalid character 'x' after top-level value");
    }

    @Test
    void formatsAndParsesGoLayouts() {
        ZonedDateTime t = ZonedDateTime.of(2006, 1, 2, 15, 4, 5, 123_000_000, ZoneOffset.ofHours(-7));
        assertThat(GoTime.format(t, GoTime.RFC3339)).isEqualTo("2006-01-02T15:04:05-07:00");
        assertThat(GoTime.format(t, GoTime.RFC3339_NANO)).isEqualTo("2006-01-02T15:04:05.123-07:00");
        assertThat(GoTime.format(t, "Mon Jan _2 3:04PM 06 .000 Z0700")).isEqualTo("Mon Jan  2 3:04PM 06 .123 -0700");
        assertThat(GoTime.format(t, "Monday January 2 002")).isEqualTo("Monday January 2 002");
        assertThat(GoTime.format(t.withZoneSameInstant(ZoneOffset.UTC), "15h Z07:00 MST")).isEqualTo("22h Z UTC");
        assertThat(GoTime.parse(GoTime.RFC3339, "2024-05-06T07:08:09.5+02:00", ZoneOffset.UTC))
                .isEqualTo(ZonedDateTime.of(2024, 5, 6, 7, 8, 9, 500_000_000, ZoneOffset.ofHours(2)));
        assertThat(GoTime.parse("Jan 2, 2006 3:04 PM", "Feb 29, 2024 11:30 PM", ZoneOffset.UTC))
                .isEqualTo(ZonedDateTime.of(2024, 2, 29, 23, 30, 0, 0, ZoneOffset.UTC));
        assertThatThrownBy(() -> GoTime.parse("2006-01-02", "2024-1-2", ZoneOffset.UTC))
                .hasMessage("parsing time \"2024-1-2\": cannot parse \"1-2\"");
    }

    @Test
    void formatsAndParsesGoDurations() {
        assertThat(GoTime.formatDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(GoTime.formatDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(GoTime.formatDuration(Duration.ofMillis(300))).isEqualTo("300ms");
        assertThat(GoTime.formatDuration(Duration.ofNanos(2500))).isEqualTo("2.5µs");
        assertThat(GoTime.formatDuration(Duration.ofHours(-2))).isEqualTo("-2h0m0s");
        assertThat(GoTime.parseDuration("1h2m3.5s")).isEqualTo(Duration.ofMillis(3_723_500));
        assertThat(GoTime.parseDuration("-1.5h")).isEqualTo(Duration.ofMinutes(-90));
        assertThat(GoTime.parseDuration("2us")).isEqualTo(Duration.ofNanos(2000));
        assertThatThrownBy(() -> GoTime.parseDuration("10")).hasMessage("time: missing unit in duration \"10\"");
    }
}
