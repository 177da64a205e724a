package dev.portal.portalctl.e2e;

import dev.portal.portalctl.PortalCtl;
import dev.portal.testsupport.Await;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Runs portalctl in-process as a technician would from the shell, capturing stdout, stderr and the exit status. */
final class Cli {
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A run in the background; {@link #out()} shows its output so far. */
    static final class Running {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        CompletableFuture<Integer> code;
        Thread thread;

        String out() {
            synchronized (out) {
                return out.toString();
            }
        }

        Run await(Duration limit) throws Exception {
            int c = code.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return new Run(c, out(), err.toString());
        }

        /**
         * For a command that runs until interrupted (a watch without a count): waits for {@code text}, then stops
         * it as Ctrl-C would, so a test never depends on which unrelated events arrived first.
         */
        Run stopAfter(String text, Duration limit) throws Exception {
            waitForOutput(text, limit);
            thread.interrupt();
            try {
                code.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException interrupted) {
                // an interrupted run may end by exception; its output is what the test reads
            }
            return new Run(code.isCompletedExceptionally() ? 130 : code.getNow(130), out(), err.toString());
        }

        void waitForOutput(String text, Duration limit) throws InterruptedException {
            waitFor(out, text, limit);
        }

        void waitForStderr(String text, Duration limit) throws InterruptedException {
            waitFor(err, text, limit);
        }

        private void waitFor(StringWriter w, String text, Duration limit) {
            Await.until(() -> "'" + text + "' in output:\n" + out() + "\nstderr:\n" + err, () -> {
                if (w.toString().contains(text)) {
                    return true;
                }
                if (code.isDone()) {
                    throw new AssertionError("the command ended without '" + text + "' in output:\n" + out()
                            + "\nstderr:\n" + err);
                }
                return false;
            }, limit);
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PortalCtl.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Running start(String... args) {
        Running r = new Running();
        r.code = new CompletableFuture<>();
        r.thread = Thread.ofPlatform().name("portalctl " + args[0]).start(() -> {
            try {
                r.code.complete(PortalCtl.commandLine(new ByteArrayInputStream(new byte[0]),
                        new PrintWriter(r.out, true), new PrintWriter(r.err, true)).execute(args));
            } catch (Throwable t) {
                r.code.completeExceptionally(t);
            }
        });
        return r;
    }
}
