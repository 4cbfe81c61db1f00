package io.roster.impl.mail;

import io.roster.api.member.ContactChannel;
import io.roster.spi.notification.MessageChannel;
import io.roster.spi.notification.OutgoingMessage;
import io.roster.spi.notification.SendResult;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends e-mail over SMTP with Jakarta Mail (Eclipse Angus): text, or text and HTML as {@code multipart/alternative},
 * UTF-8 throughout. The Message-ID is derived from the delivery id, so a message sent twice after a crash carries the
 * same id and mail clients and servers that deduplicate by it show it once. An SMTP server that accepted the message
 * only confirms acceptance, so e-mail is "sent", not "delivered".
 */
@ApplicationScoped
public class MailMessageChannel implements MessageChannel {
    @Inject
    @ConfigProperty(name = "roster.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "roster.mail.port", defaultValue = "25")
    int port;

    /** none, starttls (required) or ssl (implicit TLS). */
    @Inject
    @ConfigProperty(name = "roster.mail.tls", defaultValue = "starttls")
    String tls;

    @Inject
    @ConfigProperty(name = "roster.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "roster.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "roster.mail.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "roster.mail.timeout", defaultValue = "PT30S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "roster.mail.max-per-second", defaultValue = "0")
    double maxPerSecond;

    private Session session;

    @PostConstruct
    void init() {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        String protocol = "ssl".equalsIgnoreCase(tls) ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        host.ifPresent(h -> p.put(prefix + "host", h));
        p.put(prefix + "port", Integer.toString(port));
        p.put(prefix + "connectiontimeout", Long.toString(timeout.toMillis()));
        p.put(prefix + "timeout", Long.toString(timeout.toMillis()));
        p.put(prefix + "writetimeout", Long.toString(timeout.toMillis()));
        if ("starttls".equalsIgnoreCase(tls)) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        boolean auth = user.filter(u -> !u.isBlank()).isPresent();
        p.put(prefix + "auth", Boolean.toString(auth));
        session = auth
                ? Session.getInstance(p, new jakarta.mail.Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(user.get(), password.orElse(""));
                    }
                })
                : Session.getInstance(p);
    }

    @Override
    public String id() {
        return "email";
    }

    @Override
    public Set<ContactChannel> channels() {
        return Set.of(ContactChannel.EMAIL);
    }

    @Override
    public boolean available() {
        return host.filter(h -> !h.isBlank()).isPresent()
                && from.filter(f -> !f.isBlank()).isPresent();
    }

    @Override
    public double maxPerSecond() {
        return maxPerSecond;
    }

    /** The Message-ID of a delivery: the same on every attempt. */
    public static String messageId(String deliveryId, String fromAddress) {
        String domain = fromAddress.contains("@") ? fromAddress.substring(fromAddress.indexOf('@') + 1) : "roster";
        return "<" + deliveryId + ".roster@" + domain.replaceAll("[^A-Za-z0-9.-]", "") + ">";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        String id;
        MimeMessage mime;
        try {
            InternetAddress to = new InternetAddress(message.address(), true);
            InternetAddress sender = new InternetAddress(from.orElseThrow(), false);
            id = messageId(message.deliveryId(), sender.getAddress());
            String fixedId = id;
            mime = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", fixedId);
                }
            };
            mime.setFrom(sender);
            mime.setRecipient(jakarta.mail.Message.RecipientType.TO, to);
            mime.setSubject(message.subject() == null ? "" : message.subject(), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            if (message.html() == null) {
                mime.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
                MimeMultipart alternative = new MimeMultipart("alternative", text, html);
                mime.setContent(alternative);
            }
            mime.saveChanges();
        } catch (AddressException e) {
            return SendResult.failed("email: the address is not valid");
        } catch (MessagingException e) {
            return SendResult.failed("email: the message could not be built");
        }
        try {
            Transport.send(mime);
            return SendResult.sent(id);
        } catch (SendFailedException e) {
            Address[] invalid = e.getInvalidAddresses();
            if (invalid != null && invalid.length > 0) {
                return SendResult.failed("email: the server refused the recipient");
            }
            return SendResult.retry("email: the server did not accept the message", null);
        } catch (AuthenticationFailedException e) {
            return SendResult.retry("email: authentication with the SMTP server failed", null);
        } catch (MessagingException e) {
            return SendResult.retry("email: " + e.getClass().getSimpleName(), null);
        }
    }
}
