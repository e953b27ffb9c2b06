package io.flowpol.inference.model;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;

/**
 * What an I/O failure says, as the "found" of an {@link InputProblem}: the reason only, without
 * the Java class name ({@code java.io.IOException: Is a directory}) and without the path, which
 * the problem names itself (issue 12 item 11: messages name the file, never a class).
 */
public final class IoReason {
    private IoReason() {
    }

    public static String of(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file that already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a directory that is not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof ZipException) {
            return "corrupt gzip data" + (e.getMessage() == null ? "" : " (" + lowerFirst(e.getMessage()) + ")");
        }
        if (e instanceof EOFException) {
            return "an unexpected end of the data";
        }
        String text = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return text == null || text.isBlank() ? "an I/O error" : plain(text);
    }

    /**
     * {@code message} without any Java exception class name followed by ": " in it
     * ({@code "x: found java.io.IOException: Is a directory"} → {@code "x: found Is a directory"}):
     * the last guard of the CLI's error line, for a message built from an exception's
     * {@code toString()} somewhere below.
     */
    public static String withoutClassNames(String message) {
        StringBuilder out = new StringBuilder(message.length());
        int i = 0;
        while (i < message.length()) {
            int colon = message.indexOf(": ", i);
            if (colon < 0) {
                out.append(message, i, message.length());
                break;
            }
            int start = colon;
            while (start > i && !Character.isWhitespace(message.charAt(start - 1)) && message.charAt(start - 1) != '(') {
                start--;
            }
            out.append(message, i, start);
            if (!isClassName(message.substring(start, colon))) {
                out.append(message, start, colon + 2);
            }
            i = colon + 2;
        }
        return out.toString();
    }

    /** Strips leading class names ("java.io.IOException: "), keeps the first line; "Is a directory" reads "a directory". */
    private static String plain(String message) {
        String text = message.strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline).strip();
        }
        while (true) {
            int colon = text.indexOf(": ");
            if (colon <= 0 || !isClassName(text.substring(0, colon))) {
                break;
            }
            text = text.substring(colon + 2);
        }
        if (text.equals("Is a directory")) {
            return "a directory";
        }
        return lowerFirst(text);
    }

    /**
     * A Java exception class name, qualified ({@code java.io.IOException}: lower-case package
     * parts) or simple ({@code ZipException}); the Exception/Error suffix keeps a file name such
     * as {@code flows.Log} from being taken for one.
     */
    static boolean isClassName(String s) {
        if (!(s.endsWith("Exception") || s.endsWith("Error"))) {
            return false;
        }
        int dot = s.lastIndexOf('.');
        String simple = s.substring(dot + 1);
        if (simple.isEmpty() || !Character.isUpperCase(simple.charAt(0))
                || !simple.chars().allMatch(Character::isLetterOrDigit)) {
            return false;
        }
        for (String part : dot < 0 ? new String[0] : s.substring(0, dot).split("\\.", -1)) {
            if (part.isEmpty() || !Character.isLowerCase(part.charAt(0))
                    || !part.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** "No space left on device" → "no space left on device"; an acronym ("GZIP") stays. */
    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
