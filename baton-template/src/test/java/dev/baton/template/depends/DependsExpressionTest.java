package dev.baton.template.depends;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The depends language: operators, results, errors, and very wide fan-ins. */
class DependsExpressionTest {

    @Test
    void operatorsAndResults() {
        DependsExpression e = DependsExpression.parse("(A.Succeeded || B.Failed) && !C.Skipped");
        assertThat(e.tasks()).containsExactly("A", "B", "C");
        assertThat(e.evaluate((task, result) -> task.equals("A"))).isTrue();
        assertThat(e.evaluate((task, result) -> task.equals("C"))).isFalse();
        assertThat(e.evaluate((task, result) -> false)).isFalse();
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertThatThrownBy(() -> DependsExpression.parse("A &&")).hasMessage("expected a task name at the end");
        assertThatThrownBy(() -> DependsExpression.parse("(A || B")).hasMessage("missing ')'");
        assertThatThrownBy(() -> DependsExpression.parse("A.Done")).hasMessageStartingWith("unknown result 'Done'");
        assertThatThrownBy(() -> DependsExpression.parse("A & B")).hasMessage("single '&': use '&&'");
        assertThatThrownBy(() -> DependsExpression.parse("   ")).hasMessage("the expression is empty");
    }

    @Test
    void aTaskMayDependOnTenThousandOthers() {
        List<String> names = IntStream.range(0, 10_000).mapToObj(i -> "t" + i).toList();
        DependsExpression listed = DependsExpression.allOf(names);
        DependsExpression written = DependsExpression.parse(names.stream().collect(Collectors.joining(" && ")));
        for (DependsExpression e : List.of(listed, written)) {
            assertThat(e.tasks()).hasSize(10_000);
            assertThat(e.evaluate((task, result) -> true)).isTrue();
            assertThat(e.evaluate((task, result) -> !task.equals("t9999"))).isFalse();
        }
    }
}
