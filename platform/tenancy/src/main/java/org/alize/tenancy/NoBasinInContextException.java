package org.alize.tenancy;

/** Data was reached for with no basin (and no network scope) on the current thread: a programming error. */
public class NoBasinInContextException extends IllegalStateException {

    public NoBasinInContextException(String what) {
        super(what + " needs a basin in context: run it inside BasinContext.open(basin) or openNetwork()");
    }
}
