package org.orderly.server.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Component;

/**
 * The world map geometry (about 1 MB of GeoJSON), gzip-compressed once at start and served under a
 * name that carries a hash of its content, so that browsers may cache it for a year; and the
 * country names of the geometry by ISO 3166-1 alpha-3 code ({@code map-names.csv}).
 */
@Component("worldMap")
public class WorldMap {
    private static final String GEOMETRY = "/static/geo/world.json";

    private final byte[] geometry;
    private final byte[] gzipped;
    private final String version;
    private final Map<String, String> names;

    public WorldMap() {
        try (InputStream in = WorldMap.class.getResourceAsStream(GEOMETRY)) {
            if (in == null)
                throw new IllegalStateException(
                        GEOMETRY + " is not on the class path (the build unpacks it from the ECharts 4 web jar)");
            geometry = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gzipped = gzip(geometry);
        version = sha256(geometry).substring(0, 16);
        names = loadNames();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alpha-3 code → country name in the world map geometry. */
    private static Map<String, String> loadNames() {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = WorldMap.class.getResourceAsStream("map-names.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("map_name,")) continue;
                int comma = line.lastIndexOf(',');
                String name = line.substring(0, comma);
                if (name.startsWith("\"")) name = name.substring(1, name.length() - 1);
                names.put(line.substring(comma + 1).trim(), name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }

    /** The geometry's address, versioned by its content: {@code /geo/world-<hash>.json}. */
    public String url() {
        return "/geo/world-" + version + ".json";
    }

    public String version() {
        return version;
    }

    /** The geometry's country name for a state, when the geometry has a shape for it. */
    public Optional<String> name(String alpha3) {
        return Optional.ofNullable(names.get(alpha3));
    }

    byte[] geometry() {
        return geometry;
    }

    byte[] gzipped() {
        return gzipped;
    }
}
