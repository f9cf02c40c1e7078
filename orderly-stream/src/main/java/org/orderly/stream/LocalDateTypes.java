package org.orderly.stream;

import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.LocalTimeTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Tells Flink to serialise {@link LocalDate} (the days of stays and decisions) with its own date serializer: its type
 * extractor does not map the class by itself and would fall back to Kryo. Registered through the configuration
 * {@link #SERIALIZATION_CONFIG} under {@code pipeline.serialization-config}.
 */
public final class LocalDateTypes extends TypeInfoFactory<LocalDate> {
    /** The entry of {@code pipeline.serialization-config} that registers this factory; a cluster's configuration needs it too. */
    public static final String SERIALIZATION_CONFIG = LocalDate.class.getName() + ": {type: typeinfo, class: " + LocalDateTypes.class.getName() + "}";

    /** Whether this JVM's Flink already serialises dates with its date serializer (the factory is registered once per JVM). */
    public static boolean registered() {
        return TypeInformation.of(LocalDate.class) instanceof LocalTimeTypeInfo;
    }

    @Override
    public TypeInformation<LocalDate> createTypeInfo(Type type, Map<String, TypeInformation<?>> genericParameters) {
        return Types.LOCAL_DATE;
    }
}
