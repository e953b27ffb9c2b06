package io.flowpol.ingest.flowlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowpol.inference.model.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowLogFormatTest {

    @Test
    void v2DefaultIsTheFourteenVersion2FieldsInAwsOrder() {
        FlowLogFormat format = FlowLogFormat.V2_DEFAULT;
        assertEquals(List.of(FlowLogField.VERSION, FlowLogField.ACCOUNT_ID, FlowLogField.INTERFACE_ID,
                FlowLogField.SRCADDR, FlowLogField.DSTADDR, FlowLogField.SRCPORT, FlowLogField.DSTPORT,
                FlowLogField.PROTOCOL, FlowLogField.PACKETS, FlowLogField.BYTES, FlowLogField.START,
                FlowLogField.END, FlowLogField.ACTION, FlowLogField.LOG_STATUS), format.fields());
        assertEquals(2, format.version());
        assertFalse(format.has(FlowLogField.PKT_SRCADDR));
        assertFalse(format.has(FlowLogField.TCP_FLAGS));
    }

    @Test
    void parsesLogFormatAsDescribeFlowLogsPrintsIt() {
        FlowLogFormat format = FlowLogFormat.parse(
                "${version} ${interface-id} ${pkt-srcaddr} ${pkt-dstaddr} ${tcp-flags} ${flow-direction} ${traffic-path}");
        assertEquals(7, format.columnCount());
        assertEquals(FlowLogField.PKT_SRCADDR, format.column(2));
        assertTrue(format.has(FlowLogField.PKT_DSTADDR));
        assertTrue(format.has(FlowLogField.FLOW_DIRECTION));
        assertFalse(format.has(FlowLogField.SRCADDR));
        assertEquals(5, format.version());
        assertEquals("version interface-id pkt-srcaddr pkt-dstaddr tcp-flags flow-direction traffic-path",
                format.toString());
    }

    @Test
    void plainFieldListEqualsTheSameLogFormat() {
        assertEquals(FlowLogFormat.parse("${srcaddr}  ${dstaddr}\t${reject-reason}"),
                FlowLogFormat.parse("srcaddr dstaddr reject-reason"));
        assertEquals(8, FlowLogFormat.parse("srcaddr reject-reason").version());
    }

    @Test
    void knowsEveryDocumentedFieldIncludingEcsAndEncryption() {
        FlowLogFormat format = FlowLogFormat.parse("vpc-id subnet-id instance-id type region az-id sublocation-type"
                + " sublocation-id pkt-src-aws-service pkt-dst-aws-service ecs-cluster-arn ecs-cluster-name"
                + " ecs-container-instance-arn ecs-container-instance-id ecs-container-id ecs-second-container-id"
                + " ecs-service-name ecs-task-definition-arn ecs-task-arn ecs-task-id resource-id encryption-status");
        assertEquals(22, format.columnCount());
        assertTrue(format.ignoredColumns().isEmpty());
        assertEquals(10, format.version());
    }

    @Test
    void unknownFieldInUserFormatIsAnInputExceptionNamingIt() {
        InputException e = assertThrows(InputException.class,
                () -> FlowLogFormat.parse("${version} ${srcadr} ${dstaddr}"));
        assertTrue(e.getMessage().contains("${srcadr}"), e.getMessage());
        assertEquals("format", e.problem().field());
    }

    @Test
    void repeatedOrMissingFieldsAreRejected() {
        assertThrows(InputException.class, () -> FlowLogFormat.parse("srcaddr dstaddr srcaddr"));
        assertThrows(InputException.class, () -> FlowLogFormat.parse("   "));
        assertThrows(InputException.class, () -> FlowLogFormat.parse(null));
    }

    @Test
    void headerKeepsUnknownColumnsInPlaceAsIgnored() {
        FlowLogFormat format = FlowLogFormat.ofHeader("version srcaddr next-hop-widget dstaddr\r");
        assertEquals(4, format.columnCount());
        assertNull(format.column(2));
        assertEquals(FlowLogField.DSTADDR, format.column(3));
        assertEquals(List.of("next-hop-widget"), format.ignoredColumns());
        assertEquals(List.of(FlowLogField.VERSION, FlowLogField.SRCADDR, FlowLogField.DSTADDR), format.fields());
    }

    @Test
    void underscoreSpellingOfAthenaTablesIsAccepted() {
        assertEquals(FlowLogField.LOG_STATUS, FlowLogField.byName("log_status"));
        assertEquals(FlowLogField.PKT_SRCADDR, FlowLogField.byName("pkt_srcaddr"));
        assertNull(FlowLogField.byName("2"));
    }
}
