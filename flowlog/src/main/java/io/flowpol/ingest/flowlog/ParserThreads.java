package io.flowpol.ingest.flowlog;

/** Ending the parsing threads of the readers that parse on threads of their own. */
final class ParserThreads {
    private ParserThreads() {
    }

    /**
     * Waits for {@code parser} to end even if interrupted meanwhile, and keeps the interrupt for
     * the caller: a reader must not return while one of its threads still writes to a hand-off.
     */
    static void join(Thread parser) {
        // an interrupt already pending would make every join() throw at once: take it now,
        // wait, and set it again at the end
        boolean interrupted = Thread.interrupted();
        while (parser.isAlive()) {
            try {
                parser.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
