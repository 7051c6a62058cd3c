package dev.instanceha.stonith;

/**
 * Ends the JVM promptly. On exit, JDK 17 waits up to 300 ms for threads sitting in native code,
 * and the HttpClient's selector thread always sits in epoll_wait; interrupting it first makes the
 * selector close and the thread finish, which takes that wait off every fencing call.
 */
final class QuickExit {
    private QuickExit() {
    }

    static void exit(int status) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread != Thread.currentThread() && thread.isDaemon() && thread.getName().contains("SelectorManager")) {
                thread.interrupt();
                try {
                    thread.join(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        System.exit(status);
    }
}
