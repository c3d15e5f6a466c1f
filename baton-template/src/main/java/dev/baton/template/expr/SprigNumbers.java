package dev.baton.template.expr;

import static dev.baton.template.expr.SprigValues.arg;
import static dev.baton.template.expr.SprigValues.intArg;
import static dev.baton.template.expr.SprigValues.toFloat64;
import static dev.baton.template.expr.SprigValues.toInt64;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BinaryOperator;

/** sprig's integer and float arithmetic, conversions and sequences. */
final class SprigNumbers {

    private SprigNumbers() {
    }

    static void register(Map<String, ExprFunction> f) {
        f.put("add", a -> a.stream().mapToLong(SprigValues::toInt64).sum());
        f.put("add1", a -> toInt64(arg(a, 0, "add1")) + 1);
        f.put("sub", a -> toInt64(arg(a, 0, "sub")) - toInt64(arg(a, 1, "sub")));
        f.put("mul", a -> fold(a, "mul", (x, y) -> x * y));
        f.put("div", a -> fold(a.subList(0, Math.min(2, a.size())), "div", SprigNumbers::divide));
        f.put("mod", a -> {
            long divisor = toInt64(arg(a, 1, "mod"));
            if (divisor == 0) {
                throw new EvalError("runtime error: integer divide by zero");
            }
            return toInt64(arg(a, 0, "mod")) % divisor;
        });
        f.put("max", a -> fold(a, "max", Math::max));
        f.put("biggest", a -> fold(a, "biggest", Math::max));
        f.put("min", a -> fold(a, "min", Math::min));
        f.put("floor", a -> Math.floor(toFloat64(arg(a, 0, "floor"))));
        f.put("ceil", a -> Math.ceil(toFloat64(arg(a, 0, "ceil"))));
        f.put("round", a -> round(a));
        f.put("int", a -> toInt64(arg(a, 0, "int")));
        f.put("int64", a -> toInt64(arg(a, 0, "int64")));
        f.put("float64", a -> toFloat64(arg(a, 0, "float64")));
        f.put("atoi", a -> {
            String s = SprigValues.stringArg(a, 0, "atoi");
            return s.matches("[+-]?\\d+") ? toInt64(s) : 0L;
        });
        f.put("addf", a -> decimal(a, "addf", BigDecimal::add, true));
        f.put("subf", a -> decimal(a, "subf", BigDecimal::subtract, false));
        f.put("mulf", a -> decimal(a, "mulf", BigDecimal::multiply, false));
        f.put("divf", a -> decimal(a, "divf", (x, y) -> x.divide(y, MathContext.DECIMAL128), false));
        f.put("maxf", a -> a.stream().mapToDouble(SprigValues::toFloat64).max().orElseThrow());
        f.put("minf", a -> a.stream().mapToDouble(SprigValues::toFloat64).min().orElseThrow());
        f.put("until", a -> {
            int n = intArg(a, 0, "until");
            return untilStep(0, n, n < 0 ? -1 : 1);
        });
        f.put("untilStep", a -> untilStep(intArg(a, 0, "untilStep"), intArg(a, 1, "untilStep"), intArg(a, 2, "untilStep")));
        f.put("seq", SprigNumbers::seq);
    }

    private static long divide(long x, long y) {
        if (y == 0) {
            throw new EvalError("runtime error: integer divide by zero");
        }
        return x / y;
    }

    private static long fold(List<Object> args, String name, java.util.function.LongBinaryOperator op) {
        long result = toInt64(arg(args, 0, name));
        for (int i = 1; i < args.size(); i++) {
            result = op.applyAsLong(result, toInt64(args.get(i)));
        }
        return result;
    }

    private static double decimal(List<Object> args, String name, BinaryOperator<BigDecimal> op, boolean fromZero) {
        BigDecimal result = fromZero ? BigDecimal.ZERO : new BigDecimal(Double.toString(toFloat64(arg(args, 0, name))));
        for (int i = fromZero ? 0 : 1; i < args.size(); i++) {
            result = op.apply(result, new BigDecimal(Double.toString(toFloat64(args.get(i)))));
        }
        return result.doubleValue();
    }

    private static double round(List<Object> args) {
        double value = toFloat64(arg(args, 0, "round"));
        double places = toFloat64(arg(args, 1, "round"));
        double roundOn = args.size() > 2 ? toFloat64(args.get(2)) : 0.5;
        double pow = Math.pow(10, places);
        double digit = pow * value;
        double fraction = digit - (long) digit;
        return (fraction >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
    }

    static List<Object> untilStep(long start, long stop, long step) {
        List<Object> out = new ArrayList<>();
        if (step == 0) {
            return out;
        }
        if (stop < start) {
            for (long i = start; step < 0 && i > stop; i += step) {
                out.add(i);
            }
        } else {
            for (long i = start; step > 0 && i < stop; i += step) {
                out.add(i);
            }
        }
        return out;
    }

    private static String seq(List<Object> args) {
        List<Object> values;
        switch (args.size()) {
            case 1 -> {
                int end = intArg(args, 0, "seq");
                int increment = end < 1 ? -1 : 1;
                values = untilStep(1, end + increment, increment);
            }
            case 2 -> {
                int start = intArg(args, 0, "seq");
                int end = intArg(args, 1, "seq");
                int step = end < start ? -1 : 1;
                values = untilStep(start, end + step, step);
            }
            case 3 -> {
                int start = intArg(args, 0, "seq");
                int step = intArg(args, 1, "seq");
                int end = intArg(args, 2, "seq");
                int increment = 1;
                if (end < start) {
                    increment = -1;
                    if (step > 0) {
                        return "";
                    }
                }
                values = untilStep(start, end + increment, step);
            }
            default -> values = List.of();
        }
        StringJoiner joined = new StringJoiner(" ");
        values.forEach(v -> joined.add(v.toString()));
        return joined.toString();
    }
}
