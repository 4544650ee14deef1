# The HTTP cache in front of the app servers (`make cluster`, home.operations.cluster).
#
# It keeps what the app marks `public, s-maxage=...` (anonymous pages) and nothing else,
# buffers slow clients so they never hold a gunicorn thread, spreads requests over the
# app servers that answer /healthz, and drops a page when Wagtail's frontend cache sends
# PURGE for it (publish, unpublish, move, delete, a new view restriction). Images under
# `/media/` are read from the bucket; documents and PDFs only through the app. `backends.vcl` is written by the launcher: the app servers, the
# bucket, the director that picks between them and `media_in_bucket`, the bucket's path.
vcl 4.1;

include "backends.vcl";

# Only the app servers (on this machine) may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is for the app servers"));
        }
        return (purge);
    }
    if (req.url ~ "^/media/" && req.url !~ "^/media/(original_)?images/") {
        # Documents and kept PDFs only through the app, which checks who may have them.
        return (synth(404, "Not found"));
    }
    if (req.url ~ "^/media/") {
        # Images from the bucket, never with the visitor's cookies or credentials.
        unset req.http.Cookie;
        unset req.http.Authorization;
        set req.backend_hint = bucket;
        call media_in_bucket;
        return (hash);
    }
    set req.backend_hint = app.backend();
    if (req.url ~ "^/(healthz|admin/)") {
        return (pass);
    }
    # Campaign parameters change nothing a page shows: one copy per page (as the app's own
    # page cache keys it).
    set req.url = regsuball(req.url, "(?i)([?&])(utm_[^=&]*|fbclid|gclid|dclid|msclkid)(=[^&]*)?", "\1");
    set req.url = regsuball(req.url, "[?&]+$", "");
    set req.url = regsub(req.url, "\?&+", "?");
    # The rest is Varnish's built-in logic: a request with a cookie (a session, a consent
    # choice) goes to the app, which answers it privately.
}

sub vcl_hash {
    # One site per cache: the address alone, so a purge sent with the site's own host name
    # matches whatever host name the reader used.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # Past its s-maxage a page is fetched again; a stale copy is served at most a few
    # seconds while that happens, never for long.
    set beresp.grace = 5s;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
