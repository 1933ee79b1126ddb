package org.cyberincidentgraph.neo4jlocal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded, with Bolt on 127.0.0.1, as a child process of a development
 * tool (typically a Node.js process that started it through the {@code neo4j-local} script).
 *
 * <p>The protocol with the parent is deliberately tiny: stdout carries exactly one line, printed
 * once Bolt accepts connections, and the exit code says why the process ended. Everything else,
 * including Neo4j's own logging, goes to stderr or to files in the data directory.
 */
public final class Neo4jLocal {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_PORT_IN_USE = 3;
    static final int EXIT_DATA_DIR_IN_USE = 4;

    /** Loopback only: the database runs without authentication, so it must not be reachable from other hosts. */
    private static final String HOST = "127.0.0.1";
    private static final String LOCK_FILE_NAME = "neo4j-local.lock";

    /** Generous because a first start, or recovery after a crash, can take a while on a slow disk. */
    private static final long DATABASE_START_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(5);
    private static final long BOLT_PROBE_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(60);
    private static final long PARENT_POLL_INTERVAL_MS = 1000;

    /**
     * stdout belongs to the parent protocol. It is captured here and System.out is pointed at
     * stderr, so that a library that prints to System.out can never corrupt the protocol.
     */
    private static final PrintStream PROTOCOL_OUT = System.out;

    /**
     * Kept in static fields for the life of the process: if the channel were garbage-collected,
     * its file descriptor would be closed and the lock silently released.
     */
    private static FileChannel lockChannel;
    private static FileLock dataDirLock;

    private final Options options;
    private final CountDownLatch startupFinished = new CountDownLatch(1);
    private volatile DatabaseManagementService managementService;
    private volatile boolean stopping;

    private Neo4jLocal(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            System.err.println("neo4j-local: " + e.getMessage() + " (see --help)");
            System.exit(EXIT_FAILURE);
            return;
        }
        if (options.help) {
            PROTOCOL_OUT.println(Options.USAGE);
            PROTOCOL_OUT.flush();
            return;
        }
        System.setOut(System.err);

        int exitCode = new Neo4jLocal(options).run();
        // Only reached when startup failed; a running server ends through System.exit elsewhere.
        System.exit(exitCode);
    }

    /** Starts the server and blocks forever on success; returns an exit code on failure. */
    private int run() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "neo4j-local-shutdown"));
        exitZeroOnSignal("TERM");
        exitZeroOnSignal("INT");
        watchParentProcess();

        Path dataDir = options.dataDir;
        try {
            ensurePortIsFree(options.port);
            createDataDir(dataDir);
            lockDataDir(dataDir);
            managementService = buildManagementService(dataDir);
            waitUntilReady(managementService, options.port);
        } catch (StartupFailure e) {
            System.err.println("neo4j-local: " + e.getMessage());
            return e.exitCode;
        } catch (Throwable t) {
            StartupFailure failure = classify(t, dataDir);
            System.err.println("neo4j-local: " + failure.getMessage());
            return failure.exitCode;
        } finally {
            startupFinished.countDown();
        }

        if (stopping) {
            // A signal or the parent's death arrived during startup; the shutdown hook is stopping us.
            return EXIT_OK;
        }
        PROTOCOL_OUT.println("neo4j-local ready bolt://" + HOST + ":" + options.port + " data=" + dataDir);
        PROTOCOL_OUT.flush();

        // Neo4j's own threads keep the JVM alive; park the main thread until System.exit is called.
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }

    /**
     * Fails fast with a clear message instead of letting Neo4j start (slowly) and then report a
     * bind error deep in a stack trace. Binding the exact address Neo4j will use is the most
     * reliable test; the socket is released immediately.
     */
    private static void ensurePortIsFree(int port) throws StartupFailure {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Neo4j's Netty does, so a TIME_WAIT leftover is not "in use"
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (BindException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("in use")) {
                throw portInUse(port);
            }
            throw new StartupFailure(EXIT_FAILURE, "cannot bind " + HOST + ":" + port + ": " + e.getMessage());
        } catch (IOException e) {
            throw new StartupFailure(EXIT_FAILURE, "cannot bind " + HOST + ":" + port + ": " + e.getMessage());
        }
    }

    private static void createDataDir(Path dataDir) throws StartupFailure {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            String reason = e instanceof FileAlreadyExistsException
                    ? "it exists and is not a directory" : String.valueOf(e.getMessage());
            throw new StartupFailure(EXIT_FAILURE, "cannot create data directory " + dataDir + ": " + reason);
        }
    }

    /**
     * Our own lock on the data directory, taken before Neo4j's store lock so that a second
     * instance gets a precise message with the pid of the holder. The OS releases it when this
     * process ends, however it ends, so a stale lock file is harmless.
     */
    private static void lockDataDir(Path dataDir) throws IOException, StartupFailure {
        Path lockFile = dataDir.resolve(LOCK_FILE_NAME);
        FileChannel channel = FileChannel.open(lockFile,
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw dataDirInUse(dataDir, readPid(lockFile));
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(true);
        lockChannel = channel;
        dataDirLock = lock;
    }

    private static String readPid(Path lockFile) {
        try {
            String content = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
            return content.matches("\\d+") ? content : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private DatabaseManagementService buildManagementService(Path dataDir) {
        // The data directory is Neo4j's home: the store lands in <data>/data and Neo4j's logs
        // (debug.log) in <data>/logs, so nothing of Neo4j's reaches stdout.
        return new DatabaseManagementServiceBuilder(dataDir)
                // Local development database reachable from loopback only; see README.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes)
                // A throwaway dev database has no business phoning home.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, options.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, options.port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Netty's default quiet period makes Bolt take several seconds to stop, which
                // slows every test teardown. Connections are closed by Neo4j before this point,
                // so there is nothing left to wait for. (Internal setting, pinned Neo4j version.)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
    }

    /**
     * build() returns once the DBMS is started, but the default database and the Bolt listener
     * may still be coming up. The ready line promises that a driver can connect right away, so
     * both are checked.
     */
    private static void waitUntilReady(DatabaseManagementService service, int port) throws StartupFailure {
        String database = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
        if (!service.database(database).isAvailable(DATABASE_START_TIMEOUT_MS)) {
            throw new StartupFailure(EXIT_FAILURE, "database '" + database + "' did not become available within "
                    + TimeUnit.MILLISECONDS.toSeconds(DATABASE_START_TIMEOUT_MS) + "s");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOLT_PROBE_TIMEOUT_MS);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByName(HOST), port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new StartupFailure(EXIT_FAILURE, "Bolt did not accept connections on " + HOST + ":" + port
                            + " within " + TimeUnit.MILLISECONDS.toSeconds(BOLT_PROBE_TIMEOUT_MS) + "s");
                }
                sleepQuietly(100);
            }
        }
    }

    /**
     * Shutdown hook: runs on SIGTERM/SIGINT, on parent death and on any System.exit. Shutting
     * Neo4j down properly checkpoints the store, so the next start needs no recovery.
     */
    private void shutdown() {
        stopping = true;
        try {
            // If startup is still in progress, let it finish so there is something to shut down
            // cleanly rather than a half-built DBMS.
            startupFinished.await(DATABASE_START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DatabaseManagementService service = managementService;
        if (service == null) {
            return;
        }
        try {
            service.shutdown();
            System.err.println("neo4j-local stopped");
        } catch (Throwable t) {
            System.err.println("neo4j-local: error during shutdown: " + rootCause(t));
        }
    }

    /**
     * By default the JVM runs shutdown hooks on SIGTERM/SIGINT but then exits with 128+signal.
     * A requested stop that shut down cleanly is a success, so exit 0 instead. Uses the
     * long-standing jdk.unsupported signal API; if it is unavailable the default behaviour
     * (hooks still run) remains.
     */
    private static void exitZeroOnSignal(String name) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> System.exit(EXIT_OK));
        } catch (Throwable ignored) {
            // e.g. -Xrs, or the signal is reserved on this platform: keep the JVM default.
        }
    }

    /**
     * The parent (usually a Node.js process) may die without stopping us, e.g. on SIGKILL or a
     * crash. An orphaned server would keep the port and the data directory locked, so exit when
     * the parent is gone. Reparenting (to init or a subreaper) is also checked because a dead
     * parent that nobody has reaped yet can still look alive.
     */
    private static void watchParentProcess() {
        Optional<ProcessHandle> parentAtStart = ProcessHandle.current().parent();
        if (parentAtStart.isEmpty()) {
            return;
        }
        ProcessHandle parent = parentAtStart.get();
        Thread watcher = new Thread(() -> {
            while (true) {
                sleepQuietly(PARENT_POLL_INTERVAL_MS);
                long currentParentPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
                if (!parent.isAlive() || currentParentPid != parent.pid()) {
                    System.err.println("neo4j-local: parent process " + parent.pid() + " is gone; shutting down");
                    System.exit(EXIT_OK);
                    return;
                }
            }
        }, "neo4j-local-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Maps a startup exception from Neo4j to one of our exit codes and a one-line message. */
    private StartupFailure classify(Throwable t, Path dataDir) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            // Neo4j's store lock (the class lives in an internal package, so match by name). We
            // hold our own lock at this point, so the other process is not a neo4j-local and its
            // pid is not known (e.g. a Neo4j server pointed at the same directory).
            if (c.getClass().getSimpleName().equals("FileLockException")) {
                return dataDirInUse(dataDir, "unknown");
            }
            // Someone grabbed the port between our probe and Neo4j's bind.
            if (c instanceof BindException) {
                return portInUse(options.port);
            }
        }
        Path debugLog = dataDir.resolve("logs").resolve("debug.log");
        return new StartupFailure(EXIT_FAILURE, "failed to start Neo4j: " + rootCause(t)
                + (Files.isRegularFile(debugLog) ? " (details in " + debugLog + ")" : ""));
    }

    private static StartupFailure portInUse(int port) {
        return new StartupFailure(EXIT_PORT_IN_USE, "port " + port + " on " + HOST
                + " is already in use; stop the process using it or pass --port <other>");
    }

    private static StartupFailure dataDirInUse(Path dataDir, String pid) {
        return new StartupFailure(EXIT_DATA_DIR_IN_USE, "data directory " + dataDir
                + " is in use by another Neo4j (pid " + pid + "); stop it or pass --data <other dir>");
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getName() + (message == null ? "" : ": " + message);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A startup problem with a message for the user and the exit code that goes with it. */
    private static final class StartupFailure extends Exception {
        final int exitCode;

        StartupFailure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}
