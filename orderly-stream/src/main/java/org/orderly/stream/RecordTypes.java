package org.orderly.stream;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;

/**
 * Flink type information for the job's records, field by field with Flink's own serializers: a record is a POJO type
 * (Flink's record serializer, which restores state written before the record gained or lost a field), a date is
 * Flink's date type, a list or array holds the type of its elements. Flink's type extractor alone would hand dates to
 * Kryo (slow in RocksDB, and unreadable after the first change of a class); here a type Flink has no serializer for is
 * refused when the job is built, never left to Kryo. Independent of any registration in the JVM, so the same on the
 * client that builds the job and on every task manager that restores its state.
 */
public final class RecordTypes {
    private RecordTypes() {}

    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> of(Class<T> type) {
        return (TypeInformation<T>) of((Type) type);
    }

    private static TypeInformation<?> of(Type type) {
        if (type == LocalDate.class) return Types.LOCAL_DATE;
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return Types.LIST(of(parameterized.getActualTypeArguments()[0]));
        }
        if (type instanceof GenericArrayType array) return Types.OBJECT_ARRAY(of(array.getGenericComponentType()));
        if (type instanceof Class<?> plain) {
            if (plain.isRecord()) return record(plain);
            if (plain.isArray() && !plain.getComponentType().isPrimitive())
                return Types.OBJECT_ARRAY(of(plain.getComponentType()));
            TypeInformation<?> extracted = TypeInformation.of(plain);
            if (!(extracted instanceof GenericTypeInfo<?>)) return extracted;
        }
        throw new IllegalArgumentException("Flink has no serializer of its own for " + type.getTypeName()
                + ": give it one in RecordTypes rather than let Kryo write it");
    }

    private static TypeInformation<?> record(Class<?> record) {
        Map<String, TypeInformation<?>> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents())
            fields.put(component.getName(), of(component.getGenericType()));
        return Types.POJO(record, fields);
    }
}
