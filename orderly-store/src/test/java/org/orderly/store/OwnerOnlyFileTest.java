package org.orderly.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFileTest {
    @TempDir
    Path folder;

    @Test
    void writesTheFileReadableByItsOwnerOnly() throws Exception {
        Path file = folder.resolve("index.bin");
        OwnerOnlyFile.write(file, out -> out.write("derived from a watchlist".getBytes(StandardCharsets.UTF_8)));
        assertEquals("derived from a watchlist", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /**
     * A file system without POSIX permissions (a ZIP file system here; FAT or some network shares on a real machine):
     * the file would get whatever that system gives everyone, so nothing is written and the refusal says why.
     */
    @Test
    void refusesWhereOwnerOnlyCannotBeEnforced() throws Exception {
        Path zip = folder.resolve("share.zip");
        try (FileSystem share = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path file = share.getPath("/index.bin");
            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> OwnerOnlyFile.write(file, out -> out.write(1)));
            assertTrue(refused.getMessage().contains("owner"), refused.getMessage());
            assertTrue(refused.getMessage().contains("/index.bin"), refused.getMessage());
            try (var left = Files.list(share.getPath("/"))) {
                assertEquals(0, left.count(), "nothing written, no partial file left");
            }
            assertFalse(Files.exists(file));
        }
    }
}
