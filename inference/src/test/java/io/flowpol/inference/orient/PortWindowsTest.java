package io.flowpol.inference.orient;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortWindowsTest {
    private static final int NODE = 3;
    private static final int HTTP = (6 << 16) | 80;
    private static final int DNS = (17 << 16) | 53;

    @Test
    void spanIsHalfOpen() {
        PortWindows windows = new PortWindows.Builder().add(NODE, HTTP, 100, 200).build();
        assertFalse(windows.contains(NODE, HTTP, 99));
        assertTrue(windows.contains(NODE, HTTP, 100));
        assertTrue(windows.contains(NODE, HTTP, 199));
        assertFalse(windows.contains(NODE, HTTP, 200));
    }

    @Test
    void otherOwnersAndKeysAreNotDeclared() {
        PortWindows windows = new PortWindows.Builder().add(NODE, HTTP, 100, 200).build();
        assertFalse(windows.contains(NODE + 1, HTTP, 150));
        assertFalse(windows.contains(NODE, DNS, 150));
        assertFalse(windows.contains(NODE, -1, 150));
    }

    @Test
    void gapBetweenTwoPodsIsNotDeclared() {
        PortWindows windows = new PortWindows.Builder()
                .add(NODE, HTTP, 300, 400)
                .add(NODE, HTTP, 100, 200)
                .build();
        assertTrue(windows.contains(NODE, HTTP, 150));
        assertFalse(windows.contains(NODE, HTTP, 250));
        assertTrue(windows.contains(NODE, HTTP, 350));
        assertFalse(windows.contains(NODE, HTTP, 400));
    }

    @Test
    void overlappingAndTouchingSpansCoverTheirUnion() {
        PortWindows windows = new PortWindows.Builder()
                .add(NODE, HTTP, 100, 200)
                .add(NODE, HTTP, 150, 180)
                .add(NODE, HTTP, 200, 300)
                .add(NODE, HTTP, 120, 250)
                .build();
        for (long t = 100; t < 300; t += 10) {
            assertTrue(windows.contains(NODE, HTTP, t), "t=" + t);
        }
        assertFalse(windows.contains(NODE, HTTP, 300));
    }

    @Test
    void emptySpanDeclaresNothing() {
        PortWindows windows = new PortWindows.Builder().add(NODE, HTTP, 100, 100).build();
        assertFalse(windows.contains(NODE, HTTP, 100));
    }

    @Test
    void openEndedSpanHoldsEveryLaterInstant() {
        PortWindows windows = new PortWindows.Builder().add(NODE, DNS, 0, Long.MAX_VALUE).build();
        assertTrue(windows.contains(NODE, DNS, Long.MAX_VALUE - 1));
        assertFalse(windows.contains(NODE, DNS, -1));
    }
}
