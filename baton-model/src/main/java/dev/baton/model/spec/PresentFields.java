package dev.baton.model.spec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Lists the record components of a settings record that hold a value. */
final class PresentFields {
    private PresentFields() {
    }

    static List<String> of(Record settings) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : settings.getClass().getRecordComponents()) {
            try {
                if (component.getAccessor().invoke(settings) != null) {
                    names.add(component.getName());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }
}
