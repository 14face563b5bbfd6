package org.vigil.notify.delivery;

import java.util.List;
import java.util.Objects;

/** Who a notification goes to: the contact's name and the addresses Nagios gives as $CONTACTEMAIL$ etc. */
public record Contact(String name, String email, String pager, List<String> addresses) {

    public Contact {
        Objects.requireNonNull(name, "name");
        email = email == null ? "" : email;
        pager = pager == null ? "" : pager;
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    /** A contact with only an email address. */
    public static Contact withEmail(String name, String email) {
        return new Contact(name, email, "", List.of());
    }
}
