package org.disclosuresearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One local Solr node (the solr module's {@code LocalSolrCloud}: MiniSolrCloudCluster, embedded ZooKeeper) in a child
 * JVM, with the collection of the project's configset created (1 shard, 1 replica: the fair comparison with one
 * embedded index). A child because Solr's Jetty 10 and the API server's Jetty 12 share class names; this JVM talks to
 * it through SolrJ's Apache HttpClient client. Its data lives in {@code dir}, so the index can be measured on disk.
 */
final class SolrNode implements AutoCloseable {

    /** The system property naming the solr module's class path file (solr/target/classpath.txt). */
    static final String CLASSPATH_PROPERTY = "bench.solr.classpath";
    private static final Pattern ZK = Pattern.compile("--zk (\\S+)");

    private final Process process;
    private final String zkHost;
    private final Path dir;

    private SolrNode(Process process, String zkHost, Path dir) {
        this.process = process;
        this.zkHost = zkHost;
        this.dir = dir;
    }

    /**
     * Starts the node with {@code heap} as -Xmx and creates {@code collection} from the project's configset; returns
     * once the collection is active (or fails with the node's log).
     */
    static SolrNode start(Path classpathFile, Path dir, String collection, String heap, Path log) throws IOException {
        Files.createDirectories(dir);
        String classPath = privateCopies(classPath(classpathFile), dir.resolve("lib"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Dfile.encoding=UTF-8",
                "-Ddisclosure.solrcloud.dir=" + dir.toAbsolutePath(), "-cp", classPath,
                "org.disclosuresearch.solr.LocalSolrCloud", "1", collection, "1", "1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder head = new StringBuilder();
        try (var logOut = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                logOut.write(line);
                logOut.newLine();
                Matcher m = ZK.matcher(line);
                if (line.startsWith("SolrCloud:") && m.find()) {
                    drain(out, log);
                    return new SolrNode(process, m.group(1), dir);
                }
                if (head.length() < 4000) {
                    head.append(line).append('\n');
                }
            }
        }
        process.destroyForcibly();
        throw new IOException("the Solr node did not start (its log: " + log + "):\n" + head);
    }

    /** The node's class path: the solr module's classes and the dependency list its build writes. */
    static String classPath(Path classpathFile) throws IOException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new IOException("no Solr node class path at " + classpathFile + ": build the solr module first "
                    + "(mvn -B -q install -DskipTests && mvn -B -q -f solr/pom.xml install -DskipTests), or pass "
                    + "--solr-classpath FILE");
        }
        Path classes = classpathFile.toAbsolutePath().getParent().resolve("classes");
        return classes + java.io.File.pathSeparator + Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
    }

    /**
     * The node's class path with the project's own parts (the solr module's classes, the core jar in the local Maven
     * repository) copied into {@code lib}: a build that runs meanwhile (here or in another checkout sharing the
     * repository) rewrites those files in place, under a running node.
     */
    private static String privateCopies(String classPath, Path lib) throws IOException {
        Files.createDirectories(lib);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            boolean ours = entry.contains("disclosure-search") || entry.contains("disclosuresearch")
                    || (Files.isDirectory(p) && p.endsWith("classes"));
            if (!ours || !Files.exists(p)) {
                entries.add(entry);
                continue;
            }
            Path copy = lib.resolve((n++) + "-" + p.getFileName());
            if (Files.isDirectory(p)) {
                try (var walk = Files.walk(p)) {
                    for (Path f : walk.toList()) {
                        Path target = copy.resolve(p.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } else {
                Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            entries.add(copy.toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The default class path file: {@code -Dbench.solr.classpath}, else solr/target/classpath.txt from here. */
    static Path defaultClasspathFile() {
        String p = System.getProperty(CLASSPATH_PROPERTY);
        return Path.of(p != null ? p : "solr/target/classpath.txt");
    }

    /** Keeps reading the node's output into its log, so that it never blocks on a full pipe. */
    private static void drain(BufferedReader out, Path log) {
        Thread t = new Thread(() -> {
            try (var logOut = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND)) {
                String line;
                while ((line = out.readLine()) != null) {
                    logOut.write(line);
                    logOut.newLine();
                }
            } catch (IOException e) {
                // the node has stopped
            }
        }, "solr-node-log");
        t.setDaemon(true);
        t.start();
    }

    String zkHost() {
        return zkHost;
    }

    /**
     * Bytes on disk of the index folders of a collection's cores (each {@code data/index} under a core folder named
     * {@code COLLECTION_shard…}), after a hard commit; the update log is not counted.
     */
    long indexBytes(String collection) throws IOException {
        long total = 0;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isDirectory).toList()) {
                if (p.getFileName().toString().equals("index") && p.getParent() != null
                        && p.getParent().getFileName().toString().equals("data")
                        && p.getParent().getParent().getFileName().toString().startsWith(collection + "_shard")) {
                    total += Benchmark.treeSize(p);
                }
            }
        }
        return total;
    }

    /** The node's peak resident memory, from /proc (0 where there is none). */
    double peakRssMb() {
        return HttpLoad.peakRssMb(process.pid());
    }

    @Override
    public void close() throws IOException {
        process.destroy(); // SIGTERM: the node's shutdown hook stops the cluster cleanly
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
