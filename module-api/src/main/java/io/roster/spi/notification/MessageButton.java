package io.roster.spi.notification;

/**
 * An inline button under a message (Telegram). Exactly one of {@code data} and {@code url} is set.
 *
 * @param label what the button shows
 * @param data the callback data sent back when pressed (at most 64 bytes in Telegram), or {@code null}
 * @param url a link to open, or {@code null}
 */
public record MessageButton(String label, String data, String url) {

    public static MessageButton callback(String label, String data) {
        return new MessageButton(label, data, null);
    }

    public static MessageButton link(String label, String url) {
        return new MessageButton(label, null, url);
    }
}
