package io.flowpol.cli;

import io.flowpol.ingest.state.StateLock;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A second process for {@code StateLockTest}: takes the lock of the state directory in
 * {@code args[0]} as {@code learn} does, says so on stdout, and holds it until it is killed.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        StateLock lock = StateLock.acquire(Path.of(args[0]), Instant.now());
        System.out.println("locked " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        lock.close();
    }
}
