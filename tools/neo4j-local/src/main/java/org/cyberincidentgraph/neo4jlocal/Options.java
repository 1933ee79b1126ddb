package org.cyberincidentgraph.neo4jlocal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Command-line options of neo4j-local.
 *
 * <p>Parsed by hand instead of with a CLI library so the tool adds nothing to the class path
 * beyond Neo4j itself. Both {@code --port 7687} and {@code --port=7687} are accepted.
 */
final class Options {

    static final int DEFAULT_PORT = 7687;
    static final String DEFAULT_DATA_DIR = "./.data/neo4j";
    static final String DEFAULT_PAGECACHE = "512m";

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: neo4j-local [--heap SIZE] [--port N] [--data DIR] [--pagecache SIZE] [--help]",
            "",
            "Runs an embedded Neo4j Community server with Bolt on 127.0.0.1 only and auth disabled.",
            "",
            "  --port N          Bolt port on 127.0.0.1 (default " + DEFAULT_PORT + ")",
            "  --data DIR        data directory, created if missing (default " + DEFAULT_DATA_DIR + ")",
            "  --pagecache SIZE  page cache size such as 256m or 2g (default " + DEFAULT_PAGECACHE + ")",
            "  --heap SIZE       JVM heap (-Xms/-Xmx), handled by the neo4j-local script (default 1g)",
            "  --help            print this help and exit",
            "",
            "When Bolt accepts connections, exactly one line is printed on stdout:",
            "  neo4j-local ready bolt://127.0.0.1:<port> data=<absolute data dir>",
            "",
            "Exit codes: 0 clean stop (SIGTERM/SIGINT or parent process gone), 1 other failure,",
            "2 no suitable Java (script), 3 port already in use, 4 data directory in use by another Neo4j.");

    final int port;
    final Path dataDir;
    final long pageCacheBytes;
    final boolean help;

    private Options(int port, Path dataDir, long pageCacheBytes, boolean help) {
        this.port = port;
        this.dataDir = dataDir;
        this.pageCacheBytes = pageCacheBytes;
        this.help = help;
    }

    /** Thrown for a malformed command line; the message is meant for the user. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String[] args) throws UsageException {
        String port = String.valueOf(DEFAULT_PORT);
        String data = DEFAULT_DATA_DIR;
        String pageCache = DEFAULT_PAGECACHE;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Options(DEFAULT_PORT, Path.of(DEFAULT_DATA_DIR), 0, true);
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--port":
                case "--data":
                case "--pagecache":
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (name.equals("--port")) {
                        port = value;
                    } else if (name.equals("--data")) {
                        data = value;
                    } else {
                        pageCache = value;
                    }
                    break;
                default:
                    throw new UsageException("unknown option '" + arg + "'");
            }
        }

        return new Options(parsePort(port), parseDataDir(data), parseSize(pageCache), false);
    }

    private static int parsePort(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--port must be a number between 1 and 65535, got '" + value + "'");
    }

    private static Path parseDataDir(String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("--data must not be empty");
        }
        // Absolute and normalised, so the ready line and error messages name one unambiguous place.
        return Path.of(value).toAbsolutePath().normalize();
    }

    /**
     * Parses sizes like {@code 512m}, {@code 2g}, {@code 1024k}, {@code 536870912} (bytes) into a
     * byte count, with binary units as Neo4j uses them. Parsed here rather than with Neo4j's
     * internal helpers, which are not part of its public API.
     */
    static long parseSize(String value) throws UsageException {
        String s = value.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("ib")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        long multiplier = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k': multiplier = 1L << 10; break;
                case 'm': multiplier = 1L << 20; break;
                case 'g': multiplier = 1L << 30; break;
                case 't': multiplier = 1L << 40; break;
                default: break;
            }
            if (multiplier != 1) {
                s = s.substring(0, s.length() - 1);
            }
        }
        try {
            long number = Long.parseLong(s.trim());
            if (number > 0 && number <= Long.MAX_VALUE / multiplier) {
                return number * multiplier;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--pagecache must be a size such as 512m or 2g, got '" + value + "'");
    }
}
