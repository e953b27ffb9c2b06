package io.flowpol.ingest.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpol.inference.history.LearnedState;
import io.flowpol.inference.model.InputException;
import io.flowpol.inference.model.InputProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The state directory of {@code flowpol learn}: {@code state.json} holds the
 * {@link LearnedState}; {@code recordings/} holds the recordings that {@code learn} made.
 */
public final class StateStore {
    /** The file name of the state inside the state directory. */
    public static final String FILE = "state.json";

    private final Path dir;
    private final ObjectMapper mapper = StateJson.mapper();

    public StateStore(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("dir == null");
        }
        this.dir = dir;
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    /** Where {@code learn} writes the recording of a window it records itself. */
    public Path recordingsDir() {
        return dir.resolve("recordings");
    }

    /**
     * The stored state, or the empty state when there is none yet.
     *
     * @throws InputException the file cannot be read, is not a state, or has a newer version
     */
    public LearnedState load() {
        Path file = file();
        if (!Files.exists(file)) {
            return LearnedState.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode tree = mapper.readTree(bytes);
            checkVersion(file, tree);
            return mapper.readValue(bytes, LearnedState.class);
        } catch (JacksonException e) {
            throw corrupt(file, e);
        } catch (IOException e) {
            throw new InputException(InputProblem.error(file.toString(), 0, "--state", "a readable state file",
                    io.flowpol.inference.model.IoReason.of(e)), e);
        }
    }

    /** Replaces the stored state atomically: a temporary file beside it, then a move. */
    public void save(LearnedState state) {
        Path file = file();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, FILE + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                mapper.writeValue(out, state);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InputException(InputProblem.error(file.toString(), 0, "--state", "a writable state directory",
                    io.flowpol.inference.model.IoReason.of(e)), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void checkVersion(Path file, JsonNode tree) {
        JsonNode version = tree == null ? null : tree.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new InputException(InputProblem.error(file.toString(), 0, "version",
                    "a flowpol learn state with a numeric version", version == null ? "none" : version.toString()));
        }
        if (version.intValue() > LearnedState.CURRENT_VERSION) {
            throw new InputException(InputProblem.error(file.toString(), 0, "version",
                    "a state of version " + LearnedState.CURRENT_VERSION + " or older",
                    "version " + version.intValue() + ", written by a newer flowpol; upgrade flowpol or use another --state"));
        }
    }

    private static InputException corrupt(Path file, JacksonException e) {
        JsonLocation at = e.getLocation();
        long line = at == null ? 0 : Math.max(0, at.getLineNr());
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // Jackson puts the source location of an unclosed array or object into the message text
        what = what.replaceFirst("\\s*\\(start marker at \\[Source:.*", "");
        int newline = what.indexOf('\n');
        return new InputException(InputProblem.error(file.toString(), line, "--state",
                "a flowpol learn state (move the file away to start over)",
                newline < 0 ? what : what.substring(0, newline)), e);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless: the next save writes a new one
            }
        }
    }
}
