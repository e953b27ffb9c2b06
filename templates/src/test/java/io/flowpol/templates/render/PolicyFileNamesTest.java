package io.flowpol.templates.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 7: a 253-character Kubernetes name must still give a file name the file system takes. */
class PolicyFileNamesTest {

    @TempDir
    Path dir;

    @Test
    void normalNamesAreKeptAsTheyAre() {
        assertEquals("networkpolicies/shop/cart.yaml", PolicyFileNames.networkPolicy("shop", "cart"));
        assertEquals("globalnetworkpolicies/flowpol-deny-kubelet.yaml", PolicyFileNames.globalNetworkPolicy("flowpol-deny-kubelet"));
        String fits = "a".repeat(PolicyFileNames.MAX_PLAIN);
        assertEquals(fits, PolicyFileNames.segment(fits));
    }

    @Test
    void longestKubernetesNameBecomesAWritableUniqueDeterministicFileName() throws IOException {
        String a = "cart-" + "x".repeat(247) + "a";
        String b = "cart-" + "x".repeat(247) + "b";
        assertEquals(253, a.length());

        String file = PolicyFileNames.networkPolicy("shop", a);
        Path written = dir.resolve(file);
        Files.createDirectories(written.getParent());
        Files.writeString(written, "x");

        assertTrue(written.getFileName().toString().length() <= 255);
        assertEquals(file, PolicyFileNames.networkPolicy("shop", a));
        assertNotEquals(PolicyFileNames.segment(a), PolicyFileNames.segment(b));
        assertTrue(PolicyFileNames.segment(a).startsWith("cart-xxx"));
    }

    @Test
    void aNameThatIsNoKubernetesNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PolicyFileNames.segment("../etc"));
        assertThrows(IllegalArgumentException.class, () -> PolicyFileNames.segment("a".repeat(254)));
    }
}
