package org.vigil.notify.delivery.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A message whose Message-ID is fixed by its delivery key, so a retry of one delivery has the same ID. */
final class KeyedMimeMessage extends MimeMessage {

    private final String messageId;

    KeyedMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
