package uk.assure.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free port of its own that stays the same across a stop and a
 * start, so a test can take the mail server away and bring it back. The app sends to it as to any mail server.
 */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/invitations/[A-Za-z0-9_-]+");

    private final int port = freePort();
    private GreenMail server;

    public Mailbox start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return this;
    }

    public void stop() {
        server.stop();
    }

    public int port() {
        return port;
    }

    /** Every message received since the start (of this server), addressed to this email. */
    public List<MimeMessage> to(String email) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(email));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The invitation link in a message's text. */
    public static String link(MimeMessage message) {
        try {
            Matcher m = LINK.matcher((String) message.getContent());
            if (!m.find()) {
                throw new AssertionError("No invitation link in: " + message.getContent());
            }
            return m.group();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
