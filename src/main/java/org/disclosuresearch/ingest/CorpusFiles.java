package org.disclosuresearch.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The report files named by command-line arguments: files as given, folders walked recursively, following
 * symbolic links that stay inside the folder (and, with {@code followLinks}, those that leave it: corpora are
 * often assembled from linked folders; see {@link DocsFolder}) but never round a loop, and never listing one
 * file twice when two links lead to it. A walk lists only report file types and leaves out excluded folders, such
 * as an index kept inside the corpus ({@code index --docs . --index index}), whose files are no reports.
 */
public final class CorpusFiles {

    /** Provenance sidecars sit next to their report as {@code report.pdf.json}. */
    private static final String SIDECAR_SUFFIX = ".json";

    /**
     * The names a report file has in a folder: the formats' own and their aliases. A file without an extension is
     * listed too (downloads often have none; the content tells the format). A file named on the command line is read
     * whatever its name.
     */
    public static final Set<String> REPORT_EXTENSIONS = Set.of("pdf", "docx", "doc", "html", "htm", "shtml", "xhtml",
            "txt", "text", "csv");

    /**
     * A report file and what the walk read of it, so that a caller comparing sizes and times does not stat it again.
     *
     * @param path       the file
     * @param attributes its attributes (a link's target's) as the walk read them; null for a file named directly
     */
    public record Found(Path path, BasicFileAttributes attributes) {
    }

    /**
     * What a walk found.
     *
     * @param found   regular files, sorted by path within each argument
     * @param skipped what was left out and why (a symlink loop, an unreadable folder), each naming the path
     */
    public record Listing(List<Found> found, List<String> skipped) {
        public Listing {
            found = List.copyOf(found);
            skipped = List.copyOf(skipped);
        }

        /** The files found, in order. */
        public List<Path> files() {
            return found.stream().map(Found::path).toList();
        }
    }

    private CorpusFiles() {
    }

    /**
     * Regular files under each file or folder, sorted by path, without hidden files (or files in hidden folders)
     * and without sidecar {@code *.json} files. A file named directly is kept as given. What the walk had to
     * skip is reported on stderr; {@link #scan} returns it instead.
     */
    public static List<Path> list(List<Path> filesOrDirs) {
        return list(filesOrDirs, Set.of());
    }

    /** Like {@link #list}, leaving out the folders {@code excluded} (and everything under them). */
    public static List<Path> list(List<Path> filesOrDirs, Set<Path> excluded) {
        return list(filesOrDirs, excluded, false);
    }

    /** Like {@link #list(List, Set)}; {@code followLinks} also follows links that lead out of a folder. */
    public static List<Path> list(List<Path> filesOrDirs, Set<Path> excluded, boolean followLinks) {
        return find(filesOrDirs, excluded, followLinks).stream().map(Found::path).toList();
    }

    /** Like {@link #list(List, Set, boolean)}, each file with the attributes the walk read. */
    public static List<Found> find(List<Path> filesOrDirs, Set<Path> excluded, boolean followLinks) {
        Listing listing = scan(filesOrDirs, excluded, followLinks);
        listing.skipped().forEach(System.err::println);
        return listing.found();
    }

    /** Like {@link #list}, with what had to be skipped. */
    public static Listing scan(List<Path> filesOrDirs) {
        return scan(filesOrDirs, Set.of());
    }

    /** Like {@link #list(List, Set)}, with what had to be skipped; links out of a folder are not followed. */
    public static Listing scan(List<Path> filesOrDirs, Set<Path> excluded) {
        return scan(filesOrDirs, excluded, false);
    }

    /** Like {@link #list(List, Set, boolean)}, with what had to be skipped. */
    public static Listing scan(List<Path> filesOrDirs, Set<Path> excluded, boolean followLinks) {
        Set<Path> excludedReal = new HashSet<>();
        for (Path dir : excluded) {
            excludedReal.add(realPath(dir));
        }
        List<Found> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Path start : filesOrDirs) {
            if (!Files.isDirectory(start)) {
                out.add(new Found(start, null));
                continue;
            }
            List<Found> found = new ArrayList<>();
            try {
                Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new Walker(start, found, skipped, seen, excludedReal, new DocsFolder(start, followLinks)));
            } catch (IOException e) {
                skipped.add(start + ": folder not read (" + e.getMessage() + ")");
            }
            found.sort(java.util.Comparator.comparing(Found::path));
            out.addAll(found);
        }
        return new Listing(out, skipped);
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /**
     * Resolves real locations by name wherever no link is involved: a folder's real path is its parent's plus its name
     * unless it is a link, and so is a file's; only links are resolved by the file system. A file reached twice is
     * known by its file key (device and inode, from the attributes the walk read anyway). At a million files this
     * saves a path resolution (several system calls) per file.
     */
    private static final class Walker extends SimpleFileVisitor<Path> {
        private final Path start;
        private final List<Found> found;
        private final List<String> skipped;
        private final Set<Object> seen;
        private final Set<Path> excluded;
        private final DocsFolder folder;

        /** The folder's real location, resolved once for the whole walk. */
        private final Path realStart;
        /** The real locations of the folders being walked, innermost first. */
        private final java.util.ArrayDeque<Path> realDirs = new java.util.ArrayDeque<>();

        Walker(Path start, List<Found> found, List<String> skipped, Set<Object> seen, Set<Path> excluded,
               DocsFolder folder) {
            this.folder = folder;
            this.start = start;
            this.realStart = realPath(start);
            this.found = found;
            this.skipped = skipped;
            this.seen = seen;
            this.excluded = excluded;
        }

        /** The real location of an entry of the folder being walked (a link resolved, anything else by name). */
        private Path realOf(Path entry) {
            Path parent = realDirs.peek();
            if (parent == null || Files.isSymbolicLink(entry)) {
                return realPath(entry);
            }
            return parent.resolve(entry.getFileName().toString());
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            Path real = dir.equals(start) ? realStart : realOf(dir);
            if (!dir.equals(start) && isHidden(dir) || excluded.contains(real)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (!dir.equals(start) && !folder.allowsReal(real, realStart)) {
                skipped.add(DocsFolder.notFollowed(dir));
                return FileVisitResult.SKIP_SUBTREE;
            }
            realDirs.push(real);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            realDirs.pop();
            if (e != null) {
                skipped.add(dir + ": not read (" + e + ")");
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile() || isHidden(file) || file.getFileName().toString().endsWith(SIDECAR_SUFFIX)) {
                return FileVisitResult.CONTINUE;
            }
            String extension = extension(file);
            if (!extension.isEmpty() && !REPORT_EXTENSIONS.contains(extension)) {
                skipped.add(file + ": skipped, not a report file type (." + extension + "; reports are "
                        + REPORT_EXTENSIONS.stream().sorted().map(e -> "." + e).toList() + " or have no extension)");
                return FileVisitResult.CONTINUE;
            }
            if (!folder.allowsReal(realOf(file), realStart)) {
                skipped.add(DocsFolder.notFollowed(file));
                return FileVisitResult.CONTINUE;
            }
            Object key = attrs.fileKey() != null ? attrs.fileKey() : realOf(file);
            if (seen.add(key)) {
                found.add(new Found(file, attrs));
            } else {
                skipped.add(file + ": skipped, the same file as one listed already (reached through a link)");
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                skipped.add(file + ": symlink loop (links back to a folder above it), not followed");
            } else {
                skipped.add(file + ": not read (" + e + ")");
            }
            return FileVisitResult.CONTINUE;
        }

        /** The lower-case extension, "" for none: {@code Report.PDF} → pdf. */
        private static String extension(Path file) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        }

        private static boolean isHidden(Path path) {
            return path.getFileName() != null && path.getFileName().toString().startsWith(".");
        }
    }
}
