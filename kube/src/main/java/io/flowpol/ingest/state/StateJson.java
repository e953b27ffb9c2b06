package io.flowpol.ingest.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.flowpol.inference.model.IpAddress;
import io.flowpol.inference.model.LabelSelector;
import java.io.IOException;

/**
 * The Jackson mapping of the state file. The inference records map as they are (Jackson reads
 * record components), except an {@link IpAddress}, written in its text form, and
 * {@link LabelSelector#isEmpty()}, which is derived and not stored. Unknown fields fail: a
 * field this version does not know may change what a rule allows.
 */
final class StateJson {
    private StateJson() {
    }

    static ObjectMapper mapper() {
        SimpleModule addresses = new SimpleModule("flowpol-state");
        addresses.addSerializer(IpAddress.class, new AddressSerializer());
        addresses.addDeserializer(IpAddress.class, new AddressDeserializer());
        return JsonMapper.builder()
                .addModule(addresses)
                .addMixIn(LabelSelector.class, SelectorMixIn.class)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    @JsonIgnoreProperties({"empty"})
    private abstract static class SelectorMixIn {
    }

    private static final class AddressSerializer extends StdSerializer<IpAddress> {
        private static final long serialVersionUID = 1L;

        AddressSerializer() {
            super(IpAddress.class);
        }

        @Override
        public void serialize(IpAddress value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class AddressDeserializer extends StdDeserializer<IpAddress> {
        private static final long serialVersionUID = 1L;

        AddressDeserializer() {
            super(IpAddress.class);
        }

        @Override
        public IpAddress deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return IpAddress.parse(text);
            } catch (RuntimeException e) {
                return (IpAddress) ctxt.handleWeirdStringValue(IpAddress.class, text, "not an IP address");
            }
        }
    }
}
