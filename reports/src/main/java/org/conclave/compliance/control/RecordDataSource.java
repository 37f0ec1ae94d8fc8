package org.conclave.compliance.control;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;

/**
 * Feeds a template from an iterator of records, one row at a time, so a long timeline never has to be a list in
 * memory. A field {@code $F{name}} reads the row's accessor {@code name()}; a field declared as a
 * {@link JRDataSource} turns a list the row holds into a nested source, for a template's list component. A source
 * made from a list can be rewound, as JasperReports does when a band holding a list is filled again on a new page.
 */
class RecordDataSource implements JRDataSource {

    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

    private Iterator<? extends Record> rows;
    private Record current;

    RecordDataSource(Iterator<? extends Record> rows) {
        this.rows = rows;
    }

    static RecordDataSource of(List<? extends Record> rows) {
        return new Rewindable(rows);
    }

    private static final class Rewindable extends RecordDataSource implements JRRewindableDataSource {
        private final List<? extends Record> list;

        Rewindable(List<? extends Record> list) {
            super(list.iterator());
            this.list = list;
        }

        @Override
        public void moveFirst() {
            restart(list.iterator());
        }
    }

    void restart(Iterator<? extends Record> rows) {
        this.rows = rows;
        this.current = null;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            current = null;
            return false;
        }
        current = rows.next();
        return true;
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        if (current == null) {
            throw new JRException("no current row for field " + field.getName());
        }
        Method accessor = accessors(current.getClass()).get(field.getName());
        if (accessor == null) {
            throw new JRException(current.getClass().getSimpleName() + " has no field " + field.getName());
        }
        Object value;
        try {
            value = accessor.invoke(current);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new JRException("cannot read " + field.getName(), e);
        }
        if (JRDataSource.class.equals(field.getValueClass()) && value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<? extends Record> nested = (List<? extends Record>) list;
            return of(nested);
        }
        return value;
    }

    private static Map<String, Method> accessors(Class<?> type) {
        return ACCESSORS.computeIfAbsent(type, t -> {
            Map<String, Method> byName = new ConcurrentHashMap<>();
            for (var component : t.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                byName.put(component.getName(), accessor);
            }
            return byName;
        });
    }
}
