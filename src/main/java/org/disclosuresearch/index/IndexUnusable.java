package org.disclosuresearch.index;

import java.io.IOException;

/**
 * The index cannot be used or written as asked, for a reason the message states completely (damaged files, a
 * folder without write permission, a full disk) together with what to do; the CLI prints it as it is.
 */
public class IndexUnusable extends IOException {
    public IndexUnusable(String message, Throwable cause) {
        super(message, cause);
    }
}
