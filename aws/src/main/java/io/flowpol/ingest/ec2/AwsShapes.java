package io.flowpol.ingest.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * An SDK response object as the JSON the AWS CLI prints for it: every member under its model
 * name ({@link SdkField#memberName()}, e.g. {@code NetworkInterfaceId}, {@code PrivateIpAddresses}),
 * which is what the CLI prints too — both come from the same service model. So an inventory read
 * live, one read from {@code aws ec2 describe-...} files and one recorded go through one parser
 * ({@link AwsNetworkReader}) and name the same JSON paths in their errors.
 */
final class AwsShapes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AwsShapes() {
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof SdkPojo pojo) {
            ObjectNode out = JSON.objectNode();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object member = field.getValueOrDefault(pojo);
                if (member != null) {
                    out.set(field.memberName(), toJson(member));
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = JSON.arrayNode();
            list.forEach(item -> out.add(toJson(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = JSON.objectNode();
            map.forEach((k, v) -> out.set(String.valueOf(k), toJson(v)));
            return out;
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return JSON.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return JSON.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return JSON.numberNode(d);
        }
        if (value instanceof Instant t) {
            return JSON.textNode(t.toString());
        }
        if (value instanceof SdkBytes bytes) {
            return JSON.textNode(java.util.Base64.getEncoder().encodeToString(bytes.asByteArray()));
        }
        return JSON.textNode(value.toString());
    }
}
