package io.roster.bench.generate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with {@code COPY ... FROM STDIN} (text format), the fastest way into PostgreSQL. Rows
 * are encoded into a buffer that is handed to the server whenever it passes {@link #BATCH_BYTES}, so memory stays
 * flat whatever the row count. Usage: {@code value(..)...; endRow();} per row, then {@link #finish()}.
 */
public final class CopyWriter implements AutoCloseable {
    static final int BATCH_BYTES = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(BATCH_BYTES + 4096);
    private boolean firstInRow = true;
    private long rows;
    private boolean finished;

    private CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts a COPY into {@code table (columns)}. */
    public static CopyWriter open(Connection c, String table, String columns) throws SQLException {
        CopyIn copy =
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + columns + ") from stdin");
        return new CopyWriter(copy);
    }

    /** Appends a column: null, text, number, boolean, uuid, date or instant. */
    public CopyWriter value(Object v) {
        separator();
        if (v == null) {
            buffer.append("\\N");
        } else if (v instanceof Instant || v instanceof LocalDate) {
            buffer.append(v);
        } else if (v instanceof Boolean b) {
            buffer.append(b ? 't' : 'f');
        } else if (v instanceof String s) {
            escape(s);
        } else {
            buffer.append(v);
        }
        return this;
    }

    /** Appends a {@code text[]} column. */
    public CopyWriter textArray(Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        boolean first = true;
        for (String v : values) {
            if (!first) {
                literal.append(',');
            }
            first = false;
            literal.append('"');
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return value(literal.append('}').toString());
    }

    /** Ends the current row, sending the batch when it is full. */
    public void endRow() throws SQLException {
        buffer.append('\n');
        firstInRow = true;
        rows++;
        if (buffer.length() >= BATCH_BYTES) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    /** Sends what is left and ends the COPY. */
    public long finish() throws SQLException {
        flush();
        copy.endCopy();
        finished = true;
        return rows;
    }

    @Override
    public void close() throws SQLException {
        if (!finished && copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void separator() {
        if (!firstInRow) {
            buffer.append('\t');
        }
        firstInRow = false;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(ch);
            }
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        copy.writeToCopy(bytes, 0, bytes.length);
    }
}
