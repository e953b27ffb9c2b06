package io.flowpol.inference.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The order the comment promises (issue 17 item 5: comment and compareTo disagreed). */
class WorkloadIdTest {

    @Test
    void orderedByNamespaceThenNameThenKind() {
        WorkloadId apiStatefulSet = new WorkloadId("a", "StatefulSet", "api");
        WorkloadId webDeployment = new WorkloadId("a", "Deployment", "web");
        WorkloadId webStatefulSet = new WorkloadId("a", "StatefulSet", "web");
        WorkloadId other = new WorkloadId("b", "Deployment", "api");
        assertEquals(List.of(apiStatefulSet, webDeployment, webStatefulSet, other),
                Stream.of(other, webStatefulSet, webDeployment, apiStatefulSet).sorted().toList());
    }
}
