package org.orderly.stream;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The next version of the job jar, as an upgrade would bring it: the same jar, but the keyed state's class
 * {@code TravellerStays} has gained a field ({@code int revision}, beside a constructor with the old fields for the code
 * that does not know it). Made from today's source of the class, so the test follows the class as it changes.
 */
final class GrownStateJar {
    private static final Path SOURCE = Path.of(
            "..",
            "orderly-border",
            "src",
            "main",
            "java",
            "org",
            "orderly",
            "border",
            "crossing",
            "TravellerStays.java");
    private static final String HEADER = "public record TravellerStays(List<Stay> closed, OpenStay open) {";

    private GrownStateJar() {}

    /** A copy of {@code jobJar} in {@code folder} whose TravellerStays has one field more. */
    static Path of(Path jobJar, Path folder) throws Exception {
        String source = Files.readString(SOURCE);
        if (!source.contains(HEADER))
            throw new IllegalStateException(SOURCE + " no longer declares '" + HEADER + "': update the test's upgrade");
        String grown = source.replace(HEADER, """
                public record TravellerStays(List<Stay> closed, OpenStay open, int revision) {
                    public TravellerStays(List<Stay> closed, OpenStay open) {
                        this(closed, open, 1);
                    }
                """);
        Path sources = Files.createDirectories(folder.resolve("src/org/orderly/border/crossing"));
        Files.writeString(sources.resolve("TravellerStays.java"), grown);
        Path classes = Files.createDirectories(folder.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(
                null,
                null,
                new PrintStream(errors, true, StandardCharsets.UTF_8),
                "--release",
                "17",
                "-d",
                classes.toString(),
                "-cp",
                jobJar.toString(),
                sources.resolve("TravellerStays.java").toString());
        if (status != 0)
            throw new IllegalStateException(
                    "the grown TravellerStays does not compile: " + errors.toString(StandardCharsets.UTF_8));
        Path jar = folder.resolve("orderly-overstay-job-next.jar");
        Files.copy(jobJar, jar, StandardCopyOption.REPLACE_EXISTING);
        Path compiled = classes.resolve("org/orderly/border/crossing");
        try (FileSystem zip = FileSystems.newFileSystem(jar);
                Stream<Path> files = Files.list(compiled)) {
            List<Path> classFiles = files.toList();
            if (classFiles.stream().noneMatch(f -> f.getFileName().toString().equals("TravellerStays.class")))
                throw new IllegalStateException("no TravellerStays.class compiled");
            for (Path file : classFiles) {
                Files.copy(
                        file,
                        zip.getPath(
                                "org/orderly/border/crossing",
                                file.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return jar;
    }
}
