package uk.assure.account;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import uk.assure.system.AssureProperties;

/**
 * The invitation email, sent by SMTP as ASSURE_MAIL_* say. With no mail host (the embedded first run) there is no
 * sender and {@link #configured()} is false: the admin is shown the link instead. Plain text, with only what the
 * person needs: who invited them, to which partnership, the link and until when it works.
 */
@Component
class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

    private final JavaMailSenderImpl sender;
    private final String from;
    private final MessageSource messages;
    private final Clock clock;

    InvitationMail(AssureProperties properties, MessageSource messages, Clock clock) {
        this.sender = properties.mail().configured() ? sender(properties.mail()) : null;
        this.from = properties.mail().from();
        this.messages = messages;
        this.clock = clock;
    }

    public boolean configured() {
        return sender != null;
    }

    /** Sends the invitation; a failure is thrown for the page to report, and logged by the invitation's id only. */
    public void send(Invitation invitation, String link) throws MailException {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(invitation.email());
        message.setSubject(messages.getMessage("invitation.email.subject", null, Locale.UK));
        String until = WHEN.format(invitation.expiresAt().atZone(clock.getZone()))
                .replace("AM", "am")
                .replace("PM", "pm");
        message.setText(messages.getMessage(
                "invitation.email.body",
                new Object[] {
                    invitation.invitedByName(), invitation.partnershipName(), link, until, invitation.displayName()
                },
                Locale.UK));
        try {
            sender.send(message);
            log.info("Invitation {} sent", invitation.externalId());
        } catch (MailException e) {
            log.warn(
                    "Invitation {} could not be sent: {}",
                    invitation.externalId(),
                    e.getClass().getSimpleName());
            throw e;
        }
    }

    private static JavaMailSenderImpl sender(AssureProperties.Mail mail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.host().strip());
        sender.setPort(mail.port());
        sender.setDefaultEncoding("UTF-8");
        Properties smtp = sender.getJavaMailProperties();
        boolean authenticated = mail.username() != null && !mail.username().isBlank();
        if (authenticated) {
            sender.setUsername(mail.username());
            sender.setPassword(mail.password());
        }
        smtp.put("mail.smtp.auth", String.valueOf(authenticated));
        smtp.put("mail.smtp.starttls.enable", "true"); // used whenever the server offers it
        // a page waits for the send: a mail server that does not answer must not hold it for long
        smtp.put("mail.smtp.connectiontimeout", "10000");
        smtp.put("mail.smtp.timeout", "10000");
        smtp.put("mail.smtp.writetimeout", "10000");
        return sender;
    }
}
