package dev.baton.template.expr;

import java.util.List;
import java.util.Map;

/** The functions Argo adds to expr's environment: asInt, asFloat, toJson, jsonpath and the sprig namespace. */
final class ArgoFunctions {

    private static final Map<String, Object> FUNCTIONS = Map.of(
            "asInt", (ExprFunction) a -> Builtins.toInt(Builtins.one(a, "asInt")),
            "asFloat", (ExprFunction) a -> Builtins.toFloat(Builtins.one(a, "asFloat")),
            "toJson", (ExprFunction) a -> JsonText.write(Builtins.one(a, "toJson"), false),
            "jsonpath", (ExprFunction) ArgoFunctions::jsonpath,
            "sprig", SprigFunctions.NAMESPACE);

    private ArgoFunctions() {
    }

    /** The function (or the sprig namespace) with this name, or null. */
    static Object lookup(String name) {
        return FUNCTIONS.get(name);
    }

    private static Object jsonpath(List<Object> args) {
        Builtins.arity(args, "jsonpath", 2, 2);
        String json = RuntimeValues.requireString(args.get(0), "jsonpath");
        String path = RuntimeValues.requireString(args.get(1), "jsonpath");
        return JsonPath.query(path, JsonText.parse(json, true));
    }
}
