package org.alize.tenancy.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.alize.kernel.problem.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.MapType;

/**
 * Holds every JSON body a service reads to {@link InputBounds}: texts without control or bidirectional
 * characters and under the length cap, euros to the cent and under the ceiling, whole numbers under a
 * million, dates inside the programme's window, lists and maps under their size cap. It wraps Jackson's own deserializers, so a
 * value is parsed exactly as before and then refused with a field error (400) if out of bounds: no
 * controller, record or domain class can receive it.
 */
public final class BoundedInputModule extends SimpleModule {

    public BoundedInputModule() {
        super("alize-bounded-input");
        setDeserializerModifier(new Modifier());
    }

    private static final class Modifier extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                ValueDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
                return new Checked(deserializer, value -> InputBounds.textProblem((String) value, InputBounds.MAX_TEXT_LENGTH));
            }
            if (type == BigDecimal.class) {
                return new Checked(deserializer, value -> InputBounds.amountProblem((BigDecimal) value));
            }
            if (type == Integer.class || type == int.class) {
                return new Checked(deserializer, value -> InputBounds.countProblem((Integer) value));
            }
            if (type == LocalDate.class) {
                return new Checked(deserializer, value -> InputBounds.dateProblem((LocalDate) value));
            }
            return deserializer;
        }

        @Override
        public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return new Checked(deserializer, value -> ((Collection<?>) value).size() > InputBounds.MAX_LIST_SIZE
                    ? Optional.of("au plus " + InputBounds.MAX_LIST_SIZE + " éléments") : Optional.empty());
        }

        @Override
        public ValueDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            return new Checked(deserializer, value -> ((Map<?, ?>) value).size() > InputBounds.MAX_LIST_SIZE
                    ? Optional.of("au plus " + InputBounds.MAX_LIST_SIZE + " éléments") : Optional.empty());
        }
    }

    /** Jackson's deserializer, then the bound; a refusal names the field by its JSON path. */
    private static final class Checked extends DelegatingDeserializer {

        private final Function<Object, Optional<String>> bound;

        Checked(ValueDeserializer<?> delegate, Function<Object, Optional<String>> bound) {
            super(delegate);
            this.bound = bound;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate, bound);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String field = field(parser);
            return check(field, _delegatee.deserialize(parser, context));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser parser, DeserializationContext context, Object intoValue) throws JacksonException {
            String field = field(parser);
            return check(field, ((ValueDeserializer<Object>) _delegatee).deserialize(parser, context, intoValue));
        }

        private Object check(String field, Object value) {
            if (value != null) {
                bound.apply(value).ifPresent(problem -> {
                    throw InvalidInput.field(field, problem);
                });
            }
            return value;
        }

        /** {@code pledges[2].amount} from the parser's position, read before the value is consumed. */
        private static String field(JsonParser parser) {
            String pointer = parser.streamReadContext().pathAsPointer().toString();
            if (pointer.isEmpty()) {
                return "corps";
            }
            StringBuilder path = new StringBuilder();
            for (String segment : pointer.substring(1).split("/")) {
                String name = segment.replace("~1", "/").replace("~0", "~");
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    path.append('[').append(name).append(']');
                } else {
                    path.append(path.isEmpty() ? "" : ".").append(name);
                }
            }
            return path.toString();
        }
    }
}
