/**
 * This file was auto-generated from openapi/ by `npm run generate`.
 * Do not edit it by hand: change the spec and regenerate.
 */
export interface paths {
    "/auth/register/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Creates an account and signs it in: the answer has the same shape as `POST /auth/login/`.
         *     A verification mail is sent to `email`; its link carries `token=<token>` for
         *     `POST /auth/verify-email/` (single use, valid 24 hours). An unverified account can use the API.
         *
         *     **Who may call:** anyone (public). Rate limited per client address (`429`).
         *
         *     **Rules**
         *     - `username` (3–30 of letters, digits, `_ . -`) and `email` are unique ignoring case
         *       (`409 already_exists`, naming the field in `errors`).
         *     - The password has at least 10 characters, is not only digits, is not a commonly used
         *       password and is not too similar to the username or email (`400 validation_error` on `password`).
         *     - At least one of `is_client` and `is_freelancer` is true (`400 validation_error` on `is_client`).
         */
        post: operations["registerUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Signs in with email and password and answers a new session: an access token (15 minutes),
         *     a refresh token (7 days, single use) and the user's own profile.
         *
         *     **Who may call:** anyone (public). Throttled per email and client address before the
         *     password is even checked (`429` with `Retry-After`). Wrong passwords are also counted per
         *     account (from any address) and per address (on any account): past the limit both are locked
         *     out for a while, with the same `429` whether the account exists or not.
         *
         *     **Errors:** `401 invalid_credentials` when the email is unknown or the password is wrong
         *     (the answer never says which); `400` when a field is missing or malformed.
         */
        post: operations["loginUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/token/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Obtain a token pair with email and password
         * @description Like `POST /auth/login/` but answers only the tokens and their expiry times, for clients
         *     that do not need the profile (scripts, mobile background sync).
         *
         *     **Who may call:** anyone (public). Throttled like login (`429`).
         *
         *     **Errors:** `401 invalid_credentials` when the email is unknown or the password is wrong;
         *     `400` for a missing or malformed field.
         */
        post: operations["obtainTokenPair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/token/refresh/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair
         * @description Exchanges a refresh token for a new access token **and a new refresh token** (rotation).
         *     The presented refresh token is used up.
         *
         *     **Who may call:** anyone holding a refresh token (public: no access token needed).
         *
         *     **Reuse detection:** presenting a refresh token that was already used revokes its whole
         *     token family (every session descended from the same login) and answers `401`; the user
         *     must sign in again. Expired tokens answer `401 token_expired`; revoked or malformed ones `401 token_invalid`.
         */
        post: operations["refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Revokes the session of the given refresh token (its whole token family). The session's
         *     access tokens stop working at once (`401 token_invalid`), as they do when a reused refresh
         *     token ends a session.
         *
         *     **Who may call:** the signed-in user, for one of their own refresh tokens. A refresh token
         *     that is not the caller's, or is already revoked, still answers `204` (logging out twice is
         *     harmless) but revokes nothing of anyone else's.
         */
        post: operations["logoutUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/profile/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read my profile
         * @description The signed-in user's complete profile, email included.
         *
         *     **Who may call:** any signed-in user; always answers their own profile.
         */
        get: operations["getProfile"];
        /**
         * Update my profile
         * @description Replaces the editable profile fields (send all of them). Username and email cannot be
         *     changed here.
         *
         *     **Who may call:** any signed-in user, for their own profile.
         *
         *     **Rules**
         *     - At least one of `is_client` and `is_freelancer` stays true (`422 business_rule_violation`).
         *     - A role cannot be dropped while it is in use: `is_client` while the user has an open or
         *       in-progress task, `is_freelancer` while they have a pending or accepted application on a
         *       task that is not finished (`422 business_rule_violation`).
         */
        put: operations["updateProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/profile/change-password/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password
         * @description Changes the password after checking the current one. Every other session of the user is
         *     revoked; the answer is a fresh token pair that keeps this client signed in.
         *
         *     **Who may call:** any signed-in user, for their own account.
         *
         *     **Errors:** `422 business_rule_violation` when `current_password` is wrong (wrong ones count
         *     towards the account's lock-out, `429`, as at sign-in); `400 validation_error` on
         *     `new_password` when it breaks the password policy (as at registration) or equals the
         *     current one.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/users/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Browse other users' public profiles (never their email), for example to find freelancers.
         *     Deleted accounts are not listed.
         *
         *     **Who may call:** any signed-in user.
         *
         *     **Filters:** `search` (username, first or last name, case-insensitive), `is_freelancer`,
         *     `is_client`, `skill` (a skill slug). **Ordering:** `username` (default), `-rating`
         *     (best rated first; unrated last), `-date_joined` (newest first).
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/users/{username}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username (case-insensitive).
                 * @example sara
                 */
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        /**
         * Read a user's public profile
         * @description A user's public profile (never their email).
         *
         *     **Who may call:** any signed-in user.
         *
         *     **Errors:** `404 not_found` when no account has this username (ignoring case) or the
         *     account was deleted.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/users/{username}/portfolio/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username (case-insensitive).
                 * @example sara
                 */
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        /**
         * List a user's portfolio
         * @description The portfolio a user shows on their profile, most recently completed first.
         *
         *     **Who may call:** any signed-in user.
         *
         *     **Errors:** `404 not_found` when no account has this username or it was deleted.
         */
        get: operations["listUserPortfolioItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/check-username/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check whether a username is available
         * @description Tells a sign-up form whether a username can be used: `available: false` with `reason`
         *     `taken` (used by an account, ignoring case) or `invalid` (breaks the format: 3–30 of
         *     letters, digits, `_ . -`).
         *
         *     **Who may call:** anyone (public). Rate limited per client address (`429`).
         */
        get: operations["checkUsername"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/check-email/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check whether an email address is available
         * @description Tells a sign-up form whether an email address can be used: `available: false` with
         *     `reason` `taken` (used by an account, ignoring case) or `invalid` (not an email address).
         *
         *     **Who may call:** anyone (public). Rate limited per client address (`429`), so it cannot
         *     be used to enumerate accounts at speed.
         */
        get: operations["checkEmail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/resend-verification/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the email verification link again
         * @description Mails a new verification link (`token=<token>`, valid 24 hours; earlier links stop working)
         *     when an unverified account has this address.
         *
         *     **Who may call:** anyone (public). Rate limited per address and client (`429`).
         *
         *     **Privacy:** the answer is the same `202` whether or not an account exists and whether or
         *     not it is already verified, and takes as long (the request is only queued; the account is
         *     looked up afterwards), so it reveals nothing about accounts.
         */
        post: operations["resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/verify-email/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address
         * @description Confirms the account's email address with the `token` from the verification mail's link.
         *     The token is single use and expires 24 hours after it was sent.
         *
         *     **Who may call:** anyone holding the token (public).
         *
         *     **Errors:** `422 invalid_token` when the token is unknown, already used or expired (ask
         *     for a new one with `POST /auth/resend-verification/`); `400` when it is missing.
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset link
         * @description Mails a password reset link carrying `token=<token>` (single use, valid 1 hour) when an
         *     account has this address.
         *
         *     **Who may call:** anyone (public). Rate limited per address and client (`429`).
         *
         *     **Privacy:** the answer is the same `202`, after the same work, whether or not an account
         *     exists: the request is only queued, and the account is looked up afterwards.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset/confirm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset token
         * @description Sets a new password with the `token` from the reset mail's link. The token is single use
         *     and expires 1 hour after it was sent. Every session of the account is revoked: the user
         *     signs in again with the new password. A successful reset also verifies the email address.
         *
         *     **Who may call:** anyone holding the token (public). Rate limited (`429`).
         *
         *     **Errors:** `422 invalid_token` when the token is unknown, used or expired; `400
         *     validation_error` on `new_password` when it breaks the password policy.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/delete-account/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete my account
         * @description Deletes the caller's account after checking the password. Personal data is anonymised
         *     (the username becomes `~deleted-<id>`, a name no one can register; email, names, bio,
         *     avatar and portfolio are removed) and every session is revoked. Records other users rely on
         *     stay consistent and visible: reviews given and received, messages, and the money history of
         *     finished work. In the same transaction the account's open tasks are cancelled and its pending
         *     applications withdrawn, and the freelancers and clients concerned are told.
         *
         *     **Who may call:** the signed-in user, for their own account. The body carries the password.
         *     Wrong passwords count towards the account's lock-out (`429`), as at sign-in.
         *
         *     **Errors:** `422 business_rule_violation` when the password is wrong; `409 invalid_state` while the
         *     user has a task in progress (as client or freelancer), money in a funded escrow, a
         *     withdrawal being paid out, or a wallet balance above zero.
         */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/google/login/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a Google ID token
         * @description Signs in with a Google ID token from Google Identity Services. The token's signature is
         *     checked against Google's published keys, its audience must be our Google client id, it
         *     must not be expired and its email must be verified by Google.
         *
         *     - An account linked to this Google identity signs in.
         *     - Otherwise an account with the same email (ignoring case) is linked to it and signs in;
         *       its email counts as verified.
         *     - Otherwise an account is created (`created: true`) with a username derived from the
         *       email and the roles in `is_client` / `is_freelancer`.
         *
         *     **Who may call:** anyone (public). Rate limited (`429`).
         *
         *     **Errors:** `401 token_invalid` when the ID token fails any check.
         */
        post: operations["loginWithGoogle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/portfolio/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my portfolio
         * @description The caller's own portfolio items, most recently completed first.
         *
         *     **Who may call:** any signed-in user (the list is empty for non-freelancers).
         */
        get: operations["listMyPortfolioItems"];
        put?: never;
        /**
         * Add a portfolio item
         * @description Adds a piece of past work to the caller's portfolio (at most 50 items).
         *
         *     **Who may call:** freelancers (`is_freelancer`); others get `403 permission_denied`.
         *
         *     **Errors:** `400 validation_error` for bad fields, an unknown skill id (named
         *     `skills.<index>`) or a `completed_on` in the future; `409 invalid_state` when the portfolio
         *     already holds 50 items.
         */
        post: operations["createPortfolioItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/portfolio/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Read one of my portfolio items
         * @description One item of the caller's own portfolio (others' items are read through
         *     `GET /auth/users/{username}/portfolio/`).
         *
         *     **Who may call:** the item's owner. Another user's item answers `404 not_found`.
         */
        get: operations["getPortfolioItem"];
        /**
         * Replace one of my portfolio items
         * @description Replaces the item's fields (fields left out are cleared: `url`, `image_url`,
         *     `completed_on` become `null`, `skills` empty).
         *
         *     **Who may call:** the item's owner. Another user's item answers `404 not_found`.
         *
         *     **Errors:** `400 validation_error` as on create.
         */
        put: operations["updatePortfolioItem"];
        post?: never;
        /**
         * Delete one of my portfolio items
         * @description Removes the item from the caller's portfolio.
         *
         *     **Who may call:** the item's owner. Another user's item answers `404 not_found`.
         */
        delete: operations["deletePortfolioItem"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browse tasks
         * @description The public task board. By default only `open` tasks, newest first.
         *
         *     **Who may call:** anyone (public).
         *
         *     **Filters**
         *     - `search`: full-text search over title and description (words are stemmed; all words must
         *       match), best matches first unless `ordering` is given.
         *     - `category` (id), `status` (default `open`), `currency`, `remote`, `client` (username).
         *     - `min_budget` / `max_budget`: decimal strings, inclusive; `400` when min is above max.
         *     - `skills`: comma-separated skill slugs (at most 10); tasks needing all of them.
         *
         *     **Ordering:** `-created_at` (newest), `created_at`, `-budget`, `budget`, `deadline`
         *     (soonest first, tasks without deadline last), `-deadline`. Without `ordering`: by relevance
         *     (best matches first) when `search` is given, newest first otherwise.
         */
        get: operations["listTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/create/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a task
         * @description Posts a new task in `open`, visible on the board at once.
         *
         *     **Who may call:** clients (`is_client`); others get `403 permission_denied`.
         *
         *     **Rules**
         *     - `budget` from `5.00` to `1000000.00` in `currency`.
         *     - `category` and every id in `skills` must exist (`400 validation_error` naming
         *       `category` or `skills.<index>`).
         *     - `deadline`, when given, is in the future (`422 business_rule_violation`).
         *     - `location` is required when `remote` is false (`400` on `location`).
         *
         *     **Transitions:** creates the task in `open`.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/categories/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List task categories
         * @description Every task category, in display order. The list is curated by the platform and changes
         *     rarely, so clients may cache it.
         *
         *     **Who may call:** anyone (public).
         */
        get: operations["listTaskCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/my-tasks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tasks I posted
         * @description Tasks the caller posted as client, in every status unless filtered, newest first.
         *
         *     **Who may call:** any signed-in user (empty for users who never posted).
         *
         *     **Filters:** `status`. **Ordering:** as `GET /tasks/`.
         */
        get: operations["listMyTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/my-applications/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my applications
         * @description The caller's applications as freelancer, in every status unless filtered, newest first.
         *
         *     **Who may call:** any signed-in user (empty for users who never applied).
         *
         *     **Filters:** `status`.
         */
        get: operations["listMyApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/statistics/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Platform task statistics
         * @description Platform-wide counts of tasks per status, applications, budgets per currency and open tasks
         *     per category, computed with SQL aggregates (may be up to 60 seconds old).
         *
         *     **Who may call:** anyone (public).
         */
        get: operations["getTaskStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/my-statistics/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My task statistics
         * @description The caller's own figures: as client (tasks posted per status, money spent) and as freelancer
         *     (applications per status, tasks completed, money earned after fees), with their rating.
         *
         *     **Who may call:** any signed-in user.
         */
        get: operations["getMyTaskStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/saved/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my saved tasks
         * @description Tasks the caller bookmarked, most recently saved first, in whatever status they are now.
         *
         *     **Who may call:** any signed-in user.
         */
        get: operations["listSavedTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/saved/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a task from my saved tasks
         * @description Removes the bookmark. The `{id}` is the **task id** (the same id as in
         *     `POST /tasks/{id}/save/`), not the bookmark's own id.
         *
         *     **Who may call:** any signed-in user, for their own bookmarks.
         *
         *     **Errors:** `404 not_found` when the caller has not saved this task.
         */
        delete: operations["unsaveTask"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Read a task
         * @description One task with its category, skills, client and, once assigned, its freelancer. Tasks in
         *     every status are visible to everyone.
         *
         *     **Who may call:** anyone (public).
         *
         *     **Errors:** `404 not_found` when no task has this id (deleted tasks included).
         */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/update/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a task's details
         * @description Replaces every editable field of the task.
         *
         *     **Who may call:** the task's client (owner); other users get `403 permission_denied`.
         *
         *     **Rules**
         *     - Only while the task is `open` (`409 invalid_state` otherwise).
         *     - The same field rules as `POST /tasks/create/` (`400`, `422` for a past deadline).
         *     - `currency` cannot change once the task has applications, whose bids are in it
         *       (`422 business_rule_violation`).
         *
         *     **Transitions:** none; the task stays `open`.
         */
        put: operations["updateTask"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change some of a task's details
         * @description Changes only the fields sent (at least one).
         *
         *     **Who may call:** the task's client (owner); other users get `403 permission_denied`.
         *
         *     **Rules**
         *     - Only while the task is `open` (`409 invalid_state` otherwise).
         *     - The same field rules as `POST /tasks/create/` (`400`, `422` for a past deadline).
         *     - `currency` cannot change once the task has applications, whose bids are in it
         *       (`422 business_rule_violation`).
         *
         *     **Transitions:** none; the task stays `open`.
         */
        patch: operations["partialUpdateTask"];
        trace?: never;
    };
    "/tasks/{id}/delete/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a task
         * @description Deletes a task that nobody was hired for. Its pending applications are withdrawn and their
         *     freelancers notified; the task disappears from every list. To stop a task that has a
         *     freelancer, cancel it instead.
         *
         *     **Who may call:** the task's client (owner); other users get `403 permission_denied`.
         *
         *     **Rules:** only while the task is `open` and no application was accepted
         *     (`409 invalid_state` otherwise).
         */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/cancel/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a task
         * @description Cancels a task that is `open` or `in_progress`. Pending applications become `withdrawn`;
         *     applicants and the assigned freelancer are notified (`task_cancelled`) with the optional
         *     `reason`.
         *
         *     **Who may call:** the task's client (owner); other users get `403 permission_denied`.
         *
         *     **Rules**
         *     - Only `open` or `in_progress` tasks (`409 invalid_state` for `completed` or `cancelled`).
         *     - A funded escrow must be refunded first (`POST /payments/escrow/{id}/refund/`), so money
         *       never stays held for a cancelled task (`409 invalid_state`).
         *
         *     **Transitions:** `open | in_progress → cancelled`; pending applications `→ withdrawn`.
         */
        post: operations["cancelTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/complete/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a task as completed
         * @description The client confirms the work is done. The freelancer is notified (`task_completed`); both
         *     sides may now review each other (`POST /tasks/{id}/review/`) and the client may release
         *     the escrow (`POST /payments/escrow/{id}/release/`).
         *
         *     **Who may call:** the task's client (owner); other users get `403 permission_denied`.
         *
         *     **Rules:** only `in_progress` tasks (`409 invalid_state` otherwise).
         *
         *     **Transitions:** `in_progress → completed`.
         */
        post: operations["completeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/apply/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply to a task with a proposal and a bid
         * @description A freelancer applies to an open task with a proposal and a bid. The application starts
         *     `pending`; the task's client is notified (`application_received`).
         *
         *     **Who may call:** an authenticated user with `is_freelancer = true` who is not the task's
         *     client.
         *
         *     **Rules**
         *     - The task must be `open` (`409 invalid_state` otherwise).
         *     - One application per freelancer and task (`409 already_exists` on a second one; withdrawn
         *       or rejected applications count too).
         *     - `bid_amount` is in the task's currency, greater than `0.00` and at most `1000000.00`.
         *
         *     **Transitions:** creates an application in `pending`. The task stays `open`.
         */
        post: operations["applyToTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/applications/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * List the applications to my task
         * @description Every application to the task, for its client to compare bids.
         *
         *     **Who may call:** the task's client (owner); other users get `403 permission_denied`
         *     (freelancers see their own applications through `GET /tasks/my-applications/`).
         *
         *     **Filters:** `status`. **Ordering:** `created_at` (oldest first, default),
         *     `-created_at`, `bid_amount` (cheapest first), `-bid_amount`.
         */
        get: operations["listTaskApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/review/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Review the other side of a completed task
         * @description The task's client reviews the assigned freelancer, or the assigned freelancer reviews the
         *     client. The reviewee's `rating` (average) and `reviews_count` are updated in the same
         *     transaction and they are notified (`review_received`).
         *
         *     **Who may call:** the task's client or its assigned freelancer; anyone else gets
         *     `403 permission_denied`.
         *
         *     **Rules**
         *     - Only on `completed` tasks (`409 invalid_state`).
         *     - One review per task and reviewer (`409 already_exists`); reviews cannot be edited.
         *     - `rating` is an integer from 1 to 5; `comment` at most 2000 characters.
         */
        post: operations["createReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/reviews/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * List a task's reviews
         * @description The (at most two) reviews left on a task, newest first.
         *
         *     **Who may call:** anyone (public).
         */
        get: operations["listTaskReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/save/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save a task
         * @description Bookmarks a task for the caller. Idempotent: saving a task already saved answers `200`
         *     with the existing bookmark instead of `201`.
         *
         *     **Who may call:** any signed-in user.
         *
         *     **Errors:** `404 not_found` when the task does not exist.
         */
        post: operations["saveTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/saved/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Check whether I saved a task
         * @description Whether the caller saved the task, for a bookmark toggle.
         *
         *     **Who may call:** any signed-in user.
         *
         *     **Errors:** `404 not_found` when the task does not exist.
         */
        get: operations["getTaskSavedStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/applications/{id}/accept/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an application and hire the freelancer
         * @description Hires the applicant. In one transaction: the application becomes `accepted`, its freelancer
         *     is assigned to the task, the task moves to `in_progress`, and every other `pending`
         *     application of the task becomes `rejected`. Everyone concerned is notified
         *     (`application_accepted`, `application_rejected`). Next, the client funds the escrow with
         *     `POST /payments/intents/create/` for the accepted bid.
         *
         *     **Who may call:** the task's client (owner); other users get `403 permission_denied`.
         *
         *     **Rules**
         *     - The task is `open` and the application `pending` (`409 invalid_state` otherwise).
         *     - Two accepts racing on the same task: exactly one succeeds, the other gets `409`.
         *
         *     **Transitions:** application `pending → accepted`; task `open → in_progress`; the other
         *     pending applications `→ rejected`.
         *
         *     The `{id}` is the application id.
         */
        post: operations["acceptApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/applications/{id}/reject/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject an application
         * @description Declines an application; the freelancer is notified (`application_rejected`) with the
         *     optional `reason`. The task stays as it is.
         *
         *     **Who may call:** the task's client (owner); other users get `403 permission_denied`.
         *
         *     **Rules:** only `pending` applications (`409 invalid_state` otherwise).
         *
         *     **Transitions:** application `pending → rejected`.
         *
         *     The `{id}` is the application id.
         */
        post: operations["rejectApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/users/{username}/reviews/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username (case-insensitive).
                 * @example sara
                 */
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        /**
         * List the reviews a user received
         * @description Reviews the user received, newest first.
         *
         *     **Who may call:** anyone (public).
         *
         *     **Filters:** `role`: `as_freelancer` (reviews from clients) or `as_client` (reviews from
         *     freelancers).
         *
         *     **Errors:** `404 not_found` when no account has this username.
         */
        get: operations["listUserReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messaging/conversations/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my conversations
         * @description The caller's conversations, most recent activity first, each with its last message and
         *     the caller's unread count.
         *
         *     **Who may call:** any signed-in user; only conversations they take part in.
         *
         *     **Filters:** `task` (task id), `unread` (only conversations with unread messages),
         *     `search` (the other participant's username or display name).
         */
        get: operations["listConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messaging/conversations/create/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a conversation
         * @description Starts a conversation with another user, optionally about a task and with a first message.
         *     There is one conversation per pair of users and task: when it already exists it is
         *     answered with `200` (and the `message`, if any, is sent in it); otherwise it is created
         *     with `201`.
         *
         *     **Who may call:** any signed-in user.
         *
         *     **Rules**
         *     - `participant` is another user's username (`422 business_rule_violation` for yourself, `404
         *       not_found` for an unknown or deleted user).
         *     - With `task_id`, the task must exist (`404`) and one of the two users must be its client
         *       (`403 permission_denied`).
         *     - `message` follows the rules of `POST /messaging/conversations/{id}/messages/send/`
         *       (content, and the per-sender limit: `429`).
         */
        post: operations["createConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messaging/conversations/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Read a conversation
         * @description One conversation with its participants, task, last message and unread count.
         *
         *     **Who may call:** its two participants. For anyone else it does not exist
         *     (`404 not_found`).
         */
        get: operations["getConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messaging/conversations/{id}/messages/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * List a conversation's messages
         * @description The conversation's messages, newest first (page 1 holds the latest). Reading does not mark
         *     anything read; use `POST /messaging/conversations/{id}/mark-read/`.
         *
         *     **Who may call:** its two participants; anyone else gets `404 not_found`.
         *
         *     **Filters:** `since`: only messages created after this time (for polling).
         *
         *     **Paging is stable:** page 1 holds the newest messages, and its `next` link carries
         *     `until_id` (the newest message's id then), so the following pages stay put while new
         *     messages arrive: nothing repeats or goes missing. Fetch the new ones with page 1 again or
         *     `since`.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messaging/conversations/{id}/messages/send/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a message
         * @description Sends a message in the conversation. The other participant is notified
         *     (`message_received`) and the conversation moves to the top of both lists.
         *
         *     **Who may call:** its two participants; anyone else gets `404 not_found`. A participant
         *     whose account was deleted cannot receive messages (`409 invalid_state`).
         *
         *     **Rules:** `content` is 1–5000 characters and not only whitespace (`400`); leading and
         *     trailing whitespace is dropped, and the rest is kept and answered exactly as sent (text,
         *     never interpreted as HTML). At most 30 messages a minute per sender (`429` with
         *     `Retry-After`; the service's `RATE_LIMIT_MESSAGES_PER_MINUTE`).
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messaging/conversations/{id}/mark-read/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a conversation as read
         * @description Marks every message from the other participant as read by the caller (idempotent).
         *
         *     **Who may call:** its two participants; anyone else gets `404 not_found`.
         */
        post: operations["markConversationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/messaging/statistics/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My messaging statistics
         * @description The caller's conversations and messages sent, received and unread.
         *
         *     **Who may call:** any signed-in user.
         */
        get: operations["getMessagingStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/connect/create/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create my Stripe Connect account
         * @description Creates a Stripe Connect (Express) account for the caller, needed to withdraw earnings.
         *     Continue with `POST /payments/connect/onboarding/` to let Stripe collect identity and bank
         *     details.
         *
         *     **Who may call:** freelancers (`is_freelancer`); others get `403 permission_denied`.
         *
         *     **Errors:** `409 already_exists` when the caller already has an account.
         */
        post: operations["createConnectAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/connect/onboarding/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a Stripe onboarding link
         * @description A single-use link to Stripe's hosted onboarding for the caller's Connect account (valid a
         *     few minutes). Send the user there; Stripe brings them back to `return_url`, or to
         *     `refresh_url` when the link has expired (ask for a new one). The account's status updates
         *     through the Stripe webhook (`account.updated`).
         *
         *     **Who may call:** a user with a Connect account (`404 not_found` before
         *     `POST /payments/connect/create/`).
         *
         *     **Errors:** `422 business_rule_violation` when a URL is not on an allowed frontend origin.
         */
        post: operations["createOnboardingLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/connect/status/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read my Stripe Connect status
         * @description The caller's Connect account status as last reported by Stripe; `status: none` with
         *     `account_id: null` when there is no account.
         *
         *     **Who may call:** any signed-in user.
         */
        get: operations["getConnectStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/intents/create/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fund a task's escrow
         * @description Creates a Stripe PaymentIntent for the task and an escrow in `pending_payment`. The
         *     frontend confirms the payment with Stripe.js and `client_secret`; when Stripe reports
         *     success through the webhook, the escrow becomes `funded`.
         *
         *     **Who may call:** the task's client (owner); other users get `403 permission_denied`.
         *
         *     **Rules**
         *     - The task is `open` or `in_progress` (`409 invalid_state`).
         *     - The task has no escrow that is `pending_payment` or `funded` (`409 already_exists`);
         *       a cancelled or refunded one does not count.
         *     - `amount` equals the accepted bid while the task is `in_progress`, or the budget while it
         *       is `open`, and `currency` is the task's (`422 business_rule_violation`).
         *
         *     **Transitions:** creates an escrow in `pending_payment`.
         */
        post: operations["createPaymentIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/escrow/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Read an escrow
         * @description One escrow with its task, parties, amounts and status history.
         *
         *     **Who may call:** the task's client and its assigned freelancer; for anyone else it does
         *     not exist (`404 not_found`).
         */
        get: operations["getEscrow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/escrow/{id}/release/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay the freelancer from escrow
         * @description Pays the held money to the freelancer's wallet. In one database transaction the escrow
         *     becomes `released` and the freelancer's wallet ledger gets the amount (`escrow_release`)
         *     and the platform fee (`platform_fee`, 10% by default, rounded half-up to the cent) as a
         *     debit. The freelancer takes the money out with a withdrawal (a Stripe transfer to their
         *     Connect account and a payout). The freelancer is notified (`payment_released`). Releasing
         *     twice is impossible: the second call gets `409`.
         *
         *     An escrow the client neither releases nor refunds is released by itself 7 days (the
         *     service's `AUTO_RELEASE_DAYS`) after the task was completed.
         *
         *     **Who may call:** the task's client; the freelancer gets `403 permission_denied`; anyone
         *     else `404 not_found`.
         *
         *     **Rules:** the escrow is `funded` and the task `completed` (`409 invalid_state`).
         *
         *     **Transitions:** escrow `funded → released`.
         */
        post: operations["releaseEscrow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/escrow/{id}/refund/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund an escrow to the client
         * @description Returns the held money to the client's card with a Stripe refund, for example before
         *     cancelling the task. The freelancer, if any, is notified (`payment_refunded`).
         *
         *     **Who may call:** the task's client; the freelancer gets `403 permission_denied`; anyone
         *     else `404 not_found`.
         *
         *     **Rules:** the escrow is `funded` and the task is not `completed` (completed work is paid
         *     by release; `409 invalid_state`).
         *
         *     **Transitions:** escrow `funded → refunded`.
         */
        post: operations["refundEscrow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/wallet/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read my wallet
         * @description The caller's balance, derived from the wallet ledger in the platform currency (usd).
         *
         *     **Who may call:** any signed-in user (a user who never earned has zero balances).
         */
        get: operations["getWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/wallet/transactions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my wallet transactions
         * @description The caller's wallet ledger, newest first. Entries are never changed or deleted; the
         *     balance is their sum, and `balance_after` is the balance right after each entry.
         *
         *     **Who may call:** any signed-in user; only their own ledger.
         *
         *     **Filters:** `type`, `created_after`, `created_before` (RFC 3339, inclusive).
         */
        get: operations["listWalletTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/withdrawals/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my withdrawals
         * @description The caller's withdrawals, newest first.
         *
         *     **Who may call:** any signed-in user; only their own withdrawals.
         *
         *     **Filters:** `status`.
         */
        get: operations["listWithdrawals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/withdrawals/create/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw from my wallet
         * @description Requests a payout of wallet money to the caller's Connect account. In one database
         *     transaction the wallet is debited (`withdrawal` ledger entry) and the withdrawal created in
         *     `pending`. In the background a Stripe transfer moves the amount to the caller's Connect
         *     account and a payout sends it to their bank (`processing`); Stripe's `payout.paid` or
         *     `payout.failed` event settles it (`paid` or `failed`). If the payout fails, the amount is
         *     credited back (`withdrawal_reversal`) and the user notified (`withdrawal_failed`).
         *
         *     **Who may call:** any signed-in user with money in their wallet.
         *
         *     **Rules**
         *     - `amount` at least `50.00`, in the wallet's currency (`400` / `422`).
         *     - `amount` at most the balance (`422 business_rule_violation`, insufficient funds). Concurrent
         *       requests never overdraw the wallet.
         *     - A Connect account with payouts enabled (`422 business_rule_violation`).
         *
         *     **Transitions:** creates a withdrawal in `pending`.
         */
        post: operations["createWithdrawal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/payment-methods/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my payment methods
         * @description The caller's saved cards, the default first.
         *
         *     **Who may call:** any signed-in user; only their own payment methods.
         */
        get: operations["listPaymentMethods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/payment-methods/create/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save a payment method
         * @description Attaches a card collected by Stripe.js (a `pm_…` id) to the caller's Stripe customer. The
         *     first method becomes the default; later ones when `set_default` is true.
         *
         *     **Who may call:** any signed-in user.
         *
         *     **Errors:** `409 already_exists` when the method is already saved; `422 business_rule_violation`
         *     when Stripe refuses it (unknown id, card declined or expired).
         */
        post: operations["createPaymentMethod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/payment-methods/{id}/delete/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a payment method
         * @description Detaches the card from the caller's Stripe customer. When it was the default, the most
         *     recently added remaining method becomes the default.
         *
         *     **Who may call:** the method's owner; anyone else gets `404 not_found`.
         */
        delete: operations["deletePaymentMethod"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/payment-methods/{id}/set-default/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a payment method the default
         * @description Makes the card the default for funding escrows; the previous default is no longer one.
         *
         *     **Who may call:** the method's owner; anyone else gets `404 not_found`.
         */
        post: operations["setDefaultPaymentMethod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/webhooks/stripe/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive Stripe events
         * @description Stripe's webhook endpoint. Not called by frontends.
         *
         *     **Who may call:** Stripe. The operation is public (no bearer token) but authenticated by
         *     the `Stripe-Signature` header, checked against the raw body with the webhook signing
         *     secret; a bad or stale signature answers `400 invalid_signature`.
         *
         *     **Processing:** each event is recorded once by its `id` (redeliveries are acknowledged and
         *     not processed again) and handled:
         *     - `payment_intent.succeeded`: escrow `pending_payment → funded`, client and freelancer
         *       notified (`payment_received`);
         *     - `payment_intent.payment_failed`: the escrow stays `pending_payment` (the client may
         *       retry); `payment_intent.canceled`: escrow `pending_payment → cancelled`;
         *     - `charge.refunded`: confirms a refund;
         *     - `account.updated`: refreshes a Connect account's status;
         *     - `payout.paid` / `payout.failed`: withdrawal `processing → paid | failed`.
         *
         *     Other event types are acknowledged and ignored.
         */
        post: operations["handleStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/tasks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tasks recommended for me
         * @description Open tasks ranked for the calling freelancer, best match first. The score (0–1) weighs the
         *     overlap of the task's skills with the freelancer's skills (most), their preferred
         *     categories, how the budget fits their preferences and past bids, and recency. Tasks the
         *     caller posted or already applied to are left out.
         *
         *     **Who may call:** freelancers (`is_freelancer`); others get `403 permission_denied`.
         *
         *     **Parameters:** `limit` (1–50, default 10), `category` (only this category id). Not
         *     paginated: recommendations are a short ranked list.
         */
        get: operations["listRecommendedTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/freelancers/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Freelancers recommended for me
         * @description Freelancers ranked for the calling client, best match first: skill overlap with the
         *     requested skills (or the skills of the client's recent tasks), category experience,
         *     rating and completed tasks.
         *
         *     **Who may call:** clients (`is_client`); others get `403 permission_denied`.
         *
         *     **Parameters:** `category` (id), `skills` (comma-separated slugs, at most 10), `limit`
         *     (1–50, default 10). Not paginated.
         */
        get: operations["listRecommendedFreelancers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/freelancers/{task_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the task to find freelancers for. */
                task_id: number;
            };
            cookie?: never;
        };
        /**
         * Freelancers recommended for my task
         * @description Freelancers ranked for one of the caller's tasks by the task's skills, category and budget.
         *     Freelancers who already applied are included and flagged `has_applied`.
         *
         *     **Who may call:** the task's client (owner); other users get `403 permission_denied`.
         *
         *     **Rules:** the task is `open` (`409 invalid_state`); `404 not_found` when it does not
         *     exist. `limit` 1–50, default 10.
         */
        get: operations["listFreelancersForTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/preferences/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read my recommendation preferences
         * @description What the caller wants recommended. Until changed (`updated_at: null`) they are derived from
         *     onboarding.
         *
         *     **Who may call:** any signed-in user.
         */
        get: operations["getRecommendationPreferences"];
        /**
         * Replace my recommendation preferences
         * @description Replaces the caller's preferences (send all fields).
         *
         *     **Who may call:** any signed-in user.
         *
         *     **Errors:** `400 validation_error` for an unknown category or skill id (named
         *     `preferred_skills.<index>`); `422 business_rule_violation` when `min_budget` is above `max_budget`.
         */
        put: operations["updateRecommendationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/onboarding/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete onboarding
         * @description Records what a new user told the onboarding flow in one step: roles, interests, skills,
         *     experience and rate. Sets `is_client` / `is_freelancer`, the skill set (each skill at the
         *     given experience level), the recommendation preferences and the profile's rate and bio.
         *     May be repeated to redo onboarding.
         *
         *     **Who may call:** any signed-in user.
         *
         *     **Errors:** `400 validation_error` for unknown category or skill ids, or no skill for
         *     `freelancer` / `both`; `422 business_rule_violation` when the change of role is not allowed (as for
         *     `PUT /auth/profile/`).
         */
        post: operations["completeOnboarding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/onboarding/status/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read my onboarding status
         * @description Which onboarding steps the caller has done and which comes next, so a frontend can resume
         *     the flow.
         *
         *     **Who may call:** any signed-in user.
         */
        get: operations["getOnboardingStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/service-offerings/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browse service offerings
         * @description Services freelancers offer at a starting price, for clients who prefer to hire directly.
         *
         *     **Who may call:** anyone (public).
         *
         *     **Caching:** `ETag` and `Cache-Control: public, max-age=60`; send the tag back in
         *     `If-None-Match` to get `304` while nothing changed.
         *
         *     **Filters:** `category` (id), `skill` (slug), `freelancer` (username), `min_price` /
         *     `max_price` (decimal strings, inclusive), `search` (title and description).
         *     **Ordering:** `-created_at` (newest, default), `price`, `-price`, `-rating` (the
         *     freelancer's rating).
         */
        get: operations["listServiceOfferings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/skills/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the skill catalogue
         * @description The platform's skill catalogue, by name (a few hundred entries at most, so not paginated).
         *
         *     **Who may call:** anyone (public).
         *
         *     **Caching:** `ETag` and `Cache-Control: public, max-age=60`; send the tag back in
         *     `If-None-Match` to get `304` while nothing changed.
         *
         *     **Filters:** `category` (id), `search` (name or slug, case-insensitive).
         */
        get: operations["listSkills"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/skills/my/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my skills
         * @description The caller's skills with level and years of experience.
         *
         *     **Who may call:** any signed-in user.
         */
        get: operations["listMySkills"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/skills/update/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace my skills
         * @description Replaces the caller's whole skill set (send an empty list to clear it). Skills feed the
         *     recommendations and the public profile.
         *
         *     **Who may call:** any signed-in user.
         *
         *     **Errors:** `400 validation_error` for an unknown skill id (named
         *     `skills.<index>.skill_id`), a skill listed twice, or more than 30 skills.
         */
        post: operations["updateMySkills"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations/categories/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Browse categories with discovery figures
         * @description Every category with its open tasks, the freelancers who have its skills, and its most
         *     requested skills, for discovery pages.
         *
         *     **Who may call:** anyone (public).
         *
         *     **Caching:** `ETag` and `Cache-Control: public, max-age=60`; send the tag back in
         *     `If-None-Match` to get `304` while nothing changed.
         */
        get: operations["listRecommendationCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chatbot/chat/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Talk to the assistant
         * @description Sends a message to the AI assistant that helps a client turn an idea into a task. Leave out
         *     `session_id` to start a new session; pass it to continue one. The answer has the stored
         *     user message and the assistant's reply; `task_draft_ready` says when the conversation
         *     holds enough for `POST /chatbot/sessions/{id}/extract-task/`.
         *
         *     **Streaming:** with `Accept: text/event-stream` the reply comes as Server-Sent Events while
         *     the model writes it (`ChatEventStream`); otherwise the JSON answer. Either way the stored
         *     reply is the whole text. The assistant only talks: it never posts, pays or messages anyone.
         *
         *     The assistant is an OpenAI-compatible model when one is configured, otherwise a
         *     deterministic offline assistant (see `GET /chatbot/status/`).
         *
         *     **Who may call:** any signed-in user, in their own sessions (another user's session is
         *     `404 not_found`). At most 20 messages a minute (`429`).
         *
         *     **Limits:** 20 messages a minute and a daily cap per user (`429` with `Retry-After`).
         *
         *     **Errors:** `409 invalid_state` when the session has ended. When the model fails, your
         *     message is kept and the session stays usable: `502 assistant_error` (an error or a refusal),
         *     `503 assistant_unavailable` with `Retry-After` (busy, or no answer in time).
         */
        post: operations["chatWithAssistant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chatbot/sessions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my assistant sessions
         * @description The caller's assistant sessions, newest first.
         *
         *     **Who may call:** any signed-in user; only their own sessions.
         *
         *     **Filters:** `status`.
         */
        get: operations["listChatSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chatbot/sessions/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        /**
         * Read an assistant session
         * @description One session with all its messages (oldest first) and its last extracted task draft.
         *
         *     **Who may call:** the session's owner; for anyone else it does not exist (`404 not_found`).
         */
        get: operations["getChatSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chatbot/sessions/{id}/end/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End an assistant session
         * @description Ends the session: it becomes read-only; its task draft can still be extracted.
         *
         *     **Who may call:** the session's owner; anyone else gets `404 not_found`.
         *
         *     **Rules:** only `active` sessions (`409 invalid_state`).
         *
         *     **Transitions:** `active → ended`.
         */
        post: operations["endChatSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chatbot/sessions/{id}/extract-task/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extract a task draft from a session
         * @description Turns the conversation so far into a task draft (structured output of the model, or rules
         *     of the offline assistant). The draft is stored on the session and returned; nothing is
         *     posted: the client reviews it and posts it with `POST /tasks/create/`. `missing_fields`
         *     lists what the conversation did not settle.
         *
         *     **Who may call:** the session's owner; anyone else gets `404 not_found`.
         *
         *     **Errors:** `422 business_rule_violation` when the session has no user message to work from.
         *     Counted with the chat's limits (`429`). A model answer that is not a valid draft is asked
         *     for once more, then the offline rules extract it with a lower `confidence`; a model that
         *     fails answers `502 assistant_error` or `503 assistant_unavailable`.
         */
        post: operations["extractTaskFromChatSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chatbot/suggest-category/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suggest categories for a task
         * @description Up to three categories that fit a task title (and description), best first, for the
         *     task form.
         *
         *     **Who may call:** any signed-in user. Rate limited with the chat (`429`).
         */
        post: operations["suggestCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chatbot/messages/{id}/rate/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate an assistant reply
         * @description Thumbs up or down on one of the assistant's replies (rating again replaces the rating).
         *     Ratings help tune the assistant.
         *
         *     **Who may call:** the owner of the message's session; anyone else gets `404 not_found`.
         *
         *     **Errors:** `422 business_rule_violation` when the message is the user's own, not the assistant's.
         *
         *     The `{id}` is the chat message id.
         */
        post: operations["rateChatMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chatbot/status/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which assistant is active
         * @description Whether the assistant is available and which one answers: `openai` (an OpenAI-compatible
         *     model, named in `model`) or `offline` (a deterministic built-in assistant used when no
         *     model is configured).
         *
         *     **Who may call:** anyone (public).
         */
        get: operations["getChatbotStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chatbot/statistics/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My assistant statistics
         * @description The caller's use of the assistant: sessions, messages, drafts extracted and ratings given.
         *
         *     **Who may call:** any signed-in user.
         */
        get: operations["getChatbotStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my notifications
         * @description The caller's notification inbox, newest first. Notifications are produced by events in
         *     other domains (see `NotificationType`) and honour the user's preferences.
         *
         *     **Who may call:** any signed-in user; only their own notifications.
         *
         *     **Filters:** `is_read`, `type`.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/unread-count/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count my unread notifications
         * @description How many of the caller's notifications are unread: cheap enough to poll for a badge.
         *
         *     **Who may call:** any signed-in user.
         */
        get: operations["getUnreadNotificationCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/mark-all-read/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all my notifications as read
         * @description Marks every unread notification of the caller as read and says how many changed.
         *
         *     **Who may call:** any signed-in user; only their own notifications change.
         */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/clear-all/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete all my notifications
         * @description Deletes every notification in the caller's inbox, read or not.
         *
         *     **Who may call:** any signed-in user; only their own notifications are deleted.
         */
        delete: operations["clearAllNotifications"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/preferences/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read my notification preferences
         * @description How the caller wants to be notified. A user who never changed them gets the defaults: in
         *     the inbox for every type, by email for everything except messages, rejections and reviews.
         *
         *     **Who may call:** any signed-in user.
         */
        get: operations["getNotificationPreferences"];
        /**
         * Replace my notification preferences
         * @description Replaces the caller's preferences (send the whole document; every type must be present).
         *     Emails go only to a verified address, whatever the preferences say: one mail per
         *     notification with `digest: none`, or one mail gathering them a day (`daily`) or a week
         *     (`weekly`) after the first. Every mail has an unsubscribe link
         *     (`POST /notifications/unsubscribe/`).
         *
         *     **Who may call:** any signed-in user.
         */
        put: operations["updateNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/unsubscribe/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop notification mails
         * @description Turns notification mails off (`email_enabled: false` in the preferences) for the account a
         *     notification mail was sent to, with the `token` of the mail's unsubscribe link. Every
         *     notification mail and digest carries the link, and a `List-Unsubscribe` header with it.
         *     Mails about the account itself (verification, password reset) are not affected. Turn
         *     notification mails on again with `PUT /notifications/preferences/`.
         *
         *     **Who may call:** anyone holding the token (public); it names one account and does not
         *     expire. Unsubscribing again changes nothing.
         *
         *     **Errors:** `422 invalid_token` when the token was not made by this service; `400` when it
         *     is missing.
         */
        post: operations["unsubscribeFromNotificationMails"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stream/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Receive my events live
         * @description A `text/event-stream` (Server-Sent Events) of the caller's events as they happen, from every
         *     instance of the service: new notifications, messages in the caller's conversations, and
         *     conversations read by the other participant. Each frame is a `StreamEvent`.
         *
         *     - **Reconnecting:** send the last `id` seen as `Last-Event-ID`: what was missed is replayed
         *       first, in order, when it is at most 500 events and 24 hours old; otherwise a `resync`
         *       event says to reload the lists, and the stream goes on from now. Without `Last-Event-ID`
         *       the stream starts with the next event.
         *     - **Heartbeats:** a comment line every 15 seconds keeps proxies from closing the connection.
         *     - **Shutdown:** an instance that shuts down ends its streams; reconnect (with
         *       `Last-Event-ID`) and another instance carries on.
         *
         *     **Who may call:** a signed-in user, with the `Authorization` header (the SDK's
         *     `subscribe()` streams with fetch) or, for `EventSource`, a `ticket` from
         *     `POST /stream/ticket/` instead.
         */
        get: operations["getEventStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stream/ticket/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a ticket for the event stream
         * @description A single-use ticket, valid one minute, that opens `GET /stream/?ticket=…` without an
         *     `Authorization` header: for browsers' `EventSource`, which cannot send one. The ticket is
         *     spent by the stream it opens; ask for a new one to reconnect.
         *
         *     **Who may call:** any signed-in user.
         */
        post: operations["createStreamTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/read/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a notification as read
         * @description Marks one notification as read (idempotent: reading it again changes nothing and keeps the
         *     first `read_at`).
         *
         *     **Who may call:** the notification's recipient. Another user's notification answers
         *     `404 not_found`.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/delete/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a notification
         * @description Deletes one notification from the caller's inbox.
         *
         *     **Who may call:** the notification's recipient. Another user's notification answers
         *     `404 not_found`.
         */
        delete: operations["deleteNotification"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * RegisterRequest
         * @description A new account. At least one of `is_client` and `is_freelancer` must be true.
         */
        RegisterRequest: {
            /**
             * @description Letters, digits, `_`, `.` and `-`; unique ignoring case.
             * @example sara
             */
            username: string;
            /**
             * Format: email
             * @description Unique ignoring case. A verification link is mailed to it.
             * @example sara@example.com
             */
            email: string;
            /**
             * @description At least 10 characters, not only digits, not a commonly used password, not too similar to the username or email.
             * @example StrongPass123
             */
            password: string;
            /** @example Sara */
            first_name?: string;
            /** @example Ahmed */
            last_name?: string;
            /**
             * @description The account may post tasks.
             * @example true
             */
            is_client: boolean;
            /**
             * @description The account may apply to tasks.
             * @example true
             */
            is_freelancer: boolean;
        };
        /**
         * Money
         * @description An amount of money as a decimal string with exactly two places, never a JSON number. Always accompanied by a `currency`.
         * @example 120.00
         */
        Money: string;
        /**
         * Currency
         * @description ISO 4217 currency code in lower case. The platform settles in these currencies.
         * @example usd
         * @enum {string}
         */
        Currency: "usd" | "eur" | "gbp";
        /**
         * User
         * @description The signed-in user's own, complete profile. Only its owner ever sees it (it carries the email address); everyone else sees `PublicUser` or `UserSummary`.
         */
        User: {
            /** @example 1 */
            id: number;
            /** @example sara */
            username: string;
            /**
             * Format: email
             * @example sara@example.com
             */
            email: string;
            /** @example Sara */
            first_name: string;
            /** @example Ahmed */
            last_name: string;
            /**
             * @description First and last name when set, otherwise the username.
             * @example Sara Ahmed
             */
            display_name: string;
            /** @example Product lead at a logistics startup. */
            bio: string;
            /**
             * Format: uri
             * @example https://cdn.taskmarket.example/avatars/1.png
             */
            avatar_url: string | null;
            /** @example Amman, Jordan */
            location: string;
            /** @description The freelancer's usual hourly rate in `currency`, `null` when not given. */
            hourly_rate: components["schemas"]["Money"] | null;
            currency: components["schemas"]["Currency"];
            /**
             * @description May post tasks.
             * @example true
             */
            is_client: boolean;
            /**
             * @description May apply to tasks.
             * @example true
             */
            is_freelancer: boolean;
            /**
             * @description Whether the address was confirmed through `POST /auth/verify-email/`.
             * @example true
             */
            email_verified: boolean;
            /**
             * @description Average rating received (1.00–5.00), `null` before the first review.
             * @example 4.90
             */
            rating: string | null;
            /** @example 8 */
            reviews_count: number;
            /**
             * Format: date-time
             * @example 2026-01-05T08:30:00Z
             */
            date_joined: string;
        };
        /**
         * AuthSession
         * @description A new session — an access token, a refresh token and the signed-in user's profile.
         */
        AuthSession: {
            /**
             * @description JWT access token, sent as `Authorization: Bearer <access>`. Valid 15 minutes.
             * @example eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb
             */
            access: string;
            /**
             * @description JWT refresh token for `POST /auth/token/refresh/`. Valid 7 days, single use.
             * @example eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa
             */
            refresh: string;
            user: components["schemas"]["User"];
        };
        /**
         * ProblemCode
         * @description The stable, machine-readable code of a problem; programs branch on it, people read `title`
         *     and `detail`. New codes may be added: treat an unknown one by its HTTP status.
         *
         *     - `validation_error` (400): the request does not match the contract; `errors` names the fields.
         *     - `not_authenticated` (401): no access token, or a malformed `Authorization` header.
         *     - `token_invalid` (401): the access or refresh token is not valid, or was revoked.
         *     - `token_expired` (401): the access or refresh token has expired; refresh or sign in again.
         *     - `invalid_credentials` (401): the email or password is wrong (never says which).
         *     - `permission_denied` (403): signed in, but not allowed (not the owner, wrong role).
         *     - `not_found` (404): no such resource, or not one you may see.
         *     - `method_not_allowed` (405): the path exists, the method does not; see `Allow`.
         *     - `invalid_state` (409): the resource's state forbids the operation.
         *     - `already_exists` (409): the record already exists (username, application, review).
         *     - `payload_too_large` (413): the request body is too large.
         *     - `invalid_signature` (400): a webhook's signature does not match its body (or is stale).
         *     - `idempotency_key_reused` (409): the `Idempotency-Key` was used with another request body,
         *       or its first request is still running.
         *     - `business_rule_violation` (422): well-formed, but breaks a business rule.
         *     - `invalid_token` (422): a mailed link's token is invalid, used or expired.
         *     - `rate_limited` (429): too many requests; see `Retry-After`.
         *     - `internal_error` (500): an unexpected failure on our side, logged under `request_id`.
         *     - `not_implemented` (501): part of the contract, not built yet.
         *     - `payment_provider_error` (502): Stripe refused the call or did not answer; nothing was
         *       changed, retry with the same `Idempotency-Key`.
         *     - `service_unavailable` (503): the database cannot be reached; see `Retry-After`.
         *     - `assistant_error` (502): the assistant's model failed or refused; your message is kept.
         *     - `assistant_unavailable` (503): the assistant's model is busy or too slow; see `Retry-After`.
         * @example validation_error
         * @enum {string}
         */
        ProblemCode: "validation_error" | "not_authenticated" | "token_invalid" | "token_expired" | "invalid_credentials" | "permission_denied" | "not_found" | "method_not_allowed" | "invalid_state" | "already_exists" | "payload_too_large" | "invalid_signature" | "idempotency_key_reused" | "business_rule_violation" | "invalid_token" | "rate_limited" | "internal_error" | "not_implemented" | "payment_provider_error" | "service_unavailable" | "assistant_error" | "assistant_unavailable";
        /**
         * Problem
         * @description An RFC 9457 problem document, served as `application/problem+json` for every error.
         *     `code` is stable and meant for programs; `title` and `detail` are for people.
         */
        Problem: {
            /**
             * Format: uri-reference
             * @description URI identifying the problem type; `https://taskmarket.example/problems/<code>`.
             * @example https://taskmarket.example/problems/validation_error
             */
            type: string;
            /**
             * @description Short, human-readable summary of the problem type.
             * @example Your request is not valid.
             */
            title: string;
            /**
             * @description The HTTP status code of this response.
             * @example 400
             */
            status: number;
            /**
             * @description Human-readable explanation of this occurrence.
             * @example bid_amount: must be greater than 0.00
             */
            detail?: string;
            /**
             * @description The request path that produced the problem.
             * @example /api/tasks/42/apply/
             */
            instance?: string;
            code: components["schemas"]["ProblemCode"];
            /**
             * @description Present on validation errors: for every offending input, its dotted path (`bid_amount`,
             *     `skills.0`; query and path parameters are prefixed `query.` and `path.`) mapped to one or
             *     more messages.
             * @example {
             *       "bid_amount": [
             *         "must be greater than 0.00"
             *       ]
             *     }
             */
            errors?: {
                [key: string]: string[];
            };
            /**
             * @description The request id, also sent in the `X-Request-Id` header; quote it to support.
             * @example 01JM3Z8J6Y5C7Q2V9T4W1R8K0D
             */
            request_id?: string;
        };
        /** LoginRequest */
        LoginRequest: {
            /**
             * Format: email
             * @example user@example.com
             */
            email: string;
            /** @example StrongPass123 */
            password: string;
        };
        /**
         * TokenPair
         * @description An access token and a refresh token with their expiry times.
         */
        TokenPair: {
            /**
             * @description JWT access token, valid 15 minutes.
             * @example eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb
             */
            access: string;
            /**
             * @description JWT refresh token, valid 7 days, single use (it rotates on every refresh).
             * @example eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa
             */
            refresh: string;
            /**
             * Format: date-time
             * @example 2026-02-10T16:47:00Z
             */
            access_expires_at: string;
            /**
             * Format: date-time
             * @example 2026-02-17T16:32:00Z
             */
            refresh_expires_at: string;
            /**
             * @example Bearer
             * @constant
             */
            token_type: "Bearer";
        };
        /** RefreshTokenRequest */
        RefreshTokenRequest: {
            /**
             * @description The refresh token of the session.
             * @example eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa
             */
            refresh: string;
        };
        /**
         * WebUrl
         * Format: uri
         * @description An absolute web address. `https://` is accepted everywhere, `http://` by development servers only (a production server answers `400` naming the field); any other scheme (`javascript:`, `data:`, `file:`) is a `400`.
         * @example https://example.com/case-studies/crm-sync
         */
        WebUrl: string;
        /**
         * UpdateProfileRequest
         * @description The editable profile fields, all of them (PUT replaces). Username and email are not editable here.
         */
        UpdateProfileRequest: {
            /** @example Sara */
            first_name: string;
            /** @example Ahmed */
            last_name: string;
            /** @example Product lead at a logistics startup. */
            bio: string;
            /** @example https://cdn.taskmarket.example/avatars/1.png */
            avatar_url: components["schemas"]["WebUrl"] | null;
            /** @example Amman, Jordan */
            location: string;
            hourly_rate: components["schemas"]["Money"] | null;
            currency: components["schemas"]["Currency"];
            /** @example true */
            is_client: boolean;
            /** @example true */
            is_freelancer: boolean;
        };
        /** ChangePasswordRequest */
        ChangePasswordRequest: {
            /** @example StrongPass123 */
            current_password: string;
            /**
             * @description Same policy as at registration, and different from the current password.
             * @example EvenStronger456
             */
            new_password: string;
        };
        /**
         * Skill
         * @description A skill from the platform's catalogue.
         */
        Skill: {
            /** @example 11 */
            id: number;
            /** @example python */
            slug: string;
            /** @example Python */
            name: string;
            /**
             * @description The category this skill is most used in, if any.
             * @example 5
             */
            category_id: number | null;
        };
        /**
         * PublicUser
         * @description A user's public profile, as other signed-in users see it. Never contains the email address.
         */
        PublicUser: {
            /** @example 2 */
            id: number;
            /** @example freelancer_user */
            username: string;
            /** @example Lina Haddad */
            display_name: string;
            /** @example Lina */
            first_name: string;
            /** @example Haddad */
            last_name: string;
            /** @example Integration engineer and Arabic translator. */
            bio: string;
            /**
             * Format: uri
             * @example https://cdn.taskmarket.example/avatars/2.png
             */
            avatar_url: string | null;
            /** @example Beirut, Lebanon */
            location: string;
            hourly_rate: components["schemas"]["Money"] | null;
            currency: components["schemas"]["Currency"];
            /** @example false */
            is_client: boolean;
            /** @example true */
            is_freelancer: boolean;
            skills: components["schemas"]["Skill"][];
            /**
             * @description Average rating received (1.00–5.00), `null` before the first review.
             * @example 4.80
             */
            rating: string | null;
            /** @example 12 */
            reviews_count: number;
            /**
             * @description Tasks completed as the assigned freelancer.
             * @example 14
             */
            completed_tasks_count: number;
            /**
             * Format: date-time
             * @example 2026-01-07T12:00:00Z
             */
            date_joined: string;
        };
        /**
         * PaginatedPublicUserList
         * @description A page of public user profiles.
         */
        PaginatedPublicUserList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["PublicUser"][];
        };
        /**
         * PortfolioItem
         * @description A piece of past work a freelancer shows on their profile.
         */
        PortfolioItem: {
            /** @example 7 */
            id: number;
            /** @example CRM sync service for a logistics startup */
            title: string;
            /**
             * @example Two-way sync between HubSpot and an in-house order system
             * @example with retries and an audit log.
             */
            description: string;
            /**
             * Format: uri
             * @example https://example.com/case-studies/crm-sync
             */
            url: string | null;
            /**
             * Format: uri
             * @example https://cdn.taskmarket.example/portfolio/7.png
             */
            image_url: string | null;
            skills: components["schemas"]["Skill"][];
            /**
             * Format: date
             * @example 2025-11-30
             */
            completed_on: string | null;
            /**
             * Format: date-time
             * @example 2026-01-08T10:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-08T10:00:00Z
             */
            updated_at: string;
        };
        /**
         * PaginatedPortfolioItemList
         * @description A page of portfolio items.
         */
        PaginatedPortfolioItemList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["PortfolioItem"][];
        };
        /**
         * UsernameAvailability
         * @description Whether a username can be used for a new account.
         */
        UsernameAvailability: {
            /** @example sara */
            username: string;
            /** @example false */
            available: boolean;
            /**
             * @description Why it is not available (`taken`, or `invalid` when it breaks the format rules); `null` when available.
             * @example taken
             * @enum {string|null}
             */
            reason: "taken" | "invalid" | null;
        };
        /**
         * EmailAvailability
         * @description Whether a email can be used for a new account.
         */
        EmailAvailability: {
            /** @example sara@example.com */
            email: string;
            /** @example false */
            available: boolean;
            /**
             * @description Why it is not available (`taken`, or `invalid` when it breaks the format rules); `null` when available.
             * @example taken
             * @enum {string|null}
             */
            reason: "taken" | "invalid" | null;
        };
        /** EmailRequest */
        EmailRequest: {
            /**
             * Format: email
             * @example sara@example.com
             */
            email: string;
        };
        /**
         * Detail
         * @description A plain acknowledgement with a human-readable message.
         */
        Detail: {
            /** @example Done. */
            detail: string;
        };
        /** TokenRequest */
        TokenRequest: {
            /**
             * @description The `token` query parameter of the link in the mail.
             * @example vT3nQ8xK2mLp9sR4wY7zB1cD5fG6hJ0k
             */
            token: string;
        };
        /** ConfirmPasswordResetRequest */
        ConfirmPasswordResetRequest: {
            /**
             * @description The `token` query parameter of the link in the reset mail.
             * @example Rk7pW2qN9xL4mT8vY3zB6cD1fG5hJ0sA
             */
            token: string;
            /**
             * @description Same policy as at registration.
             * @example EvenStronger456
             */
            new_password: string;
        };
        /** DeleteAccountRequest */
        DeleteAccountRequest: {
            /**
             * @description The current password, to confirm.
             * @example StrongPass123
             */
            password: string;
        };
        /** GoogleLoginRequest */
        GoogleLoginRequest: {
            /**
             * @description The Google ID token (a JWT) from Google Identity Services.
             * @example eyJhbGciOiJSUzI1NiIsImtpZCI6ImRlbW8ifQ.eyJlbWFpbCI6InNhcmFAZXhhbXBsZS5jb20ifQ.c2lnbmF0dXJl
             */
            id_token: string;
            /**
             * @description Roles of the account if this login creates it; ignored for an existing account.
             * @default true
             * @example true
             */
            is_client?: boolean;
            /**
             * @description Roles of the account if this login creates it; ignored for an existing account.
             * @default false
             * @example false
             */
            is_freelancer?: boolean;
        };
        /**
         * GoogleLoginResponse
         * @description A new session, as from login, and whether this login created the account.
         */
        GoogleLoginResponse: {
            /** @example eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb */
            access: string;
            /** @example eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa */
            refresh: string;
            user: components["schemas"]["User"];
            /**
             * @description True when no account had this email and one was created.
             * @example false
             */
            created: boolean;
        };
        /**
         * PortfolioItemRequest
         * @description A portfolio item as written by its owner (create, or full replacement on update).
         */
        PortfolioItemRequest: {
            /** @example CRM sync service for a logistics startup */
            title: string;
            /** @example Two-way sync between HubSpot and an in-house order system. */
            description: string;
            /** @example https://example.com/case-studies/crm-sync */
            url?: components["schemas"]["WebUrl"] | null;
            /** @example https://cdn.taskmarket.example/portfolio/7.png */
            image_url?: components["schemas"]["WebUrl"] | null;
            /**
             * @description Skill ids from `GET /recommendations/skills/`; an unknown id is a `400` naming `skills.<index>`.
             * @example [
             *       11,
             *       17
             *     ]
             */
            skills?: number[];
            /**
             * Format: date
             * @description When the work was finished; not in the future.
             * @example 2025-11-30
             */
            completed_on?: string | null;
        };
        /**
         * TaskStatus
         * @description Where a task is in its lifecycle:
         *     `open` (accepting applications) → `in_progress` (an application was accepted, a freelancer is
         *     assigned) → `completed` (the client marked the work done). The client may move an `open` or
         *     `in_progress` task to `cancelled`. `completed` and `cancelled` are final.
         * @example open
         * @enum {string}
         */
        TaskStatus: "open" | "in_progress" | "completed" | "cancelled";
        /**
         * Category
         * @description A task category. The list is curated by the platform.
         */
        Category: {
            /** @example 3 */
            id: number;
            /** @example web-development */
            slug: string;
            /** @example Web Development */
            name: string;
            /**
             * @example Websites
             * @example web applications
             * @example APIs and integrations.
             */
            description: string;
        };
        /**
         * UserSummary
         * @description The public face of a user, embedded wherever another resource names a user. Never contains the email address.
         */
        UserSummary: {
            /** @example 2 */
            id: number;
            /** @example freelancer_user */
            username: string;
            /**
             * @description First and last name when set, otherwise the username.
             * @example Lina Haddad
             */
            display_name: string;
            /**
             * Format: uri
             * @example https://cdn.taskmarket.example/avatars/2.png
             */
            avatar_url: string | null;
            /** @example false */
            is_client: boolean;
            /** @example true */
            is_freelancer: boolean;
            /**
             * @description Average rating received (1.00–5.00) as a decimal string, `null` before the first review.
             * @example 4.80
             */
            rating: string | null;
            /** @example 12 */
            reviews_count: number;
        };
        /**
         * Task
         * @description A piece of work a client posts for freelancers to apply to.
         */
        Task: {
            /** @example 42 */
            id: number;
            /** @example Integrate our CRM with a REST API */
            title: string;
            /**
             * @example Sync contacts and deals from our CRM to our billing system through its REST API
             * @example nightly and on demand.
             */
            description: string;
            status: components["schemas"]["TaskStatus"];
            category: components["schemas"]["Category"];
            /** @description What the client means to pay, in `currency`. */
            budget: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
            /**
             * Format: date-time
             * @example 2036-03-01T00:00:00Z
             */
            deadline: string | null;
            /** @description Skills the work needs. */
            skills: components["schemas"]["Skill"][];
            /**
             * @description Whether the work can be done from anywhere.
             * @example true
             */
            remote: boolean;
            /**
             * @description Where the work happens when it is not remote.
             * @example null
             */
            location: string | null;
            client: components["schemas"]["UserSummary"];
            /** @description The assigned freelancer (whose application was accepted), `null` while open. */
            freelancer: components["schemas"]["UserSummary"] | null;
            /** @example 2 */
            applications_count: number;
            /** @example null */
            accepted_application_id: number | null;
            /**
             * Format: date-time
             * @example 2026-02-08T09:15:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-02-08T09:15:00Z
             */
            updated_at: string;
            /**
             * Format: date-time
             * @example null
             */
            completed_at: string | null;
            /**
             * Format: date-time
             * @example null
             */
            cancelled_at: string | null;
        };
        /**
         * PaginatedTaskList
         * @description A page of tasks.
         */
        PaginatedTaskList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["Task"][];
        };
        /**
         * CreateTaskRequest
         * @description A new task. Optional fields default to no deadline, no skills, remote and no location.
         */
        CreateTaskRequest: {
            /** @example Integrate our CRM with a REST API */
            title: string;
            /** @example Sync contacts and deals from our CRM to our billing system through its REST API. */
            description: string;
            /**
             * @description A category id from `GET /tasks/categories/`.
             * @example 3
             */
            category: number;
            /** @description From 5.00 to 1000000.00 in `currency`. */
            budget: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
            /**
             * Format: date-time
             * @description When the work must be done; in the future.
             * @example 2036-03-01T00:00:00Z
             */
            deadline?: string | null;
            /**
             * @description Skill ids from `GET /recommendations/skills/`.
             * @example [
             *       11,
             *       17
             *     ]
             */
            skills?: number[];
            /**
             * @description Whether the work can be done from anywhere.
             * @example true
             */
            remote?: boolean;
            /**
             * @description Where the work happens; required when `remote` is false.
             * @example null
             */
            location?: string | null;
        };
        /**
         * TaskCategoryList
         * @description Every task category, in display order.
         */
        TaskCategoryList: {
            results: components["schemas"]["Category"][];
        };
        /**
         * ApplicationStatus
         * @description `pending` (waiting for the client) → `accepted` (the client accepted it; the task moves to
         *     `in_progress`) or `rejected` (the client rejected it, or accepted another application) or
         *     `withdrawn` (the task was cancelled while the application was pending). Only `pending` changes.
         * @example pending
         * @enum {string}
         */
        ApplicationStatus: "pending" | "accepted" | "rejected" | "withdrawn";
        /**
         * TaskSummary
         * @description The short form of a task, embedded in other domains' resources (recommendations, saved tasks, conversations, escrows).
         */
        TaskSummary: {
            /** @example 42 */
            id: number;
            /** @example Integrate our CRM with a REST API */
            title: string;
            status: components["schemas"]["TaskStatus"];
            budget: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
            category: components["schemas"]["Category"];
            client: components["schemas"]["UserSummary"];
            /**
             * Format: date-time
             * @example 2036-03-01T00:00:00Z
             */
            deadline: string | null;
            /**
             * Format: date-time
             * @example 2026-02-08T09:15:00Z
             */
            created_at: string;
        };
        /**
         * Application
         * @description A freelancer's bid on a task.
         */
        Application: {
            /** @example 308 */
            id: number;
            task: components["schemas"]["TaskSummary"];
            freelancer: components["schemas"]["UserSummary"];
            /** @example I can deliver in 3 days */
            proposal: string;
            /** @description The price asked, in the task's currency. */
            bid_amount: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
            status: components["schemas"]["ApplicationStatus"];
            /**
             * Format: date-time
             * @example 2026-02-09T11:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-02-09T11:00:00Z
             */
            updated_at: string;
            /**
             * Format: date-time
             * @description When the application left `pending`.
             * @example null
             */
            decided_at: string | null;
        };
        /**
         * PaginatedApplicationList
         * @description A page of applications.
         */
        PaginatedApplicationList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["Application"][];
        };
        /**
         * TaskBudgetStatistics
         * @description Budget figures of the tasks in one currency.
         */
        TaskBudgetStatistics: {
            currency: components["schemas"]["Currency"];
            /** @description Average budget of all tasks in this currency, rounded half-up to the cent. */
            average_budget: components["schemas"]["Money"];
            /** @description Sum of the budgets of completed tasks. */
            completed_value: components["schemas"]["Money"];
        };
        /**
         * CategoryTaskCount
         * @description How many open tasks a category has.
         */
        CategoryTaskCount: {
            /** @example 3 */
            category_id: number;
            /** @example Web Development */
            name: string;
            /** @example 1 */
            open_tasks: number;
        };
        /**
         * TaskStatistics
         * @description Platform-wide task figures, computed by the database (may be up to 60 seconds old).
         */
        TaskStatistics: {
            /** @example 4 */
            total_tasks: number;
            /** @example 2 */
            open_tasks: number;
            /** @example 1 */
            in_progress_tasks: number;
            /** @example 1 */
            completed_tasks: number;
            /** @example 0 */
            cancelled_tasks: number;
            /** @example 3 */
            total_applications: number;
            /** @description Per currency, the average budget of all tasks and the value of completed ones. */
            budgets: components["schemas"]["TaskBudgetStatistics"][];
            /** @description Open tasks per category, every category listed. */
            categories: components["schemas"]["CategoryTaskCount"][];
        };
        /**
         * MoneyAmount
         * @description An amount in one currency. Totals across currencies are given as one `MoneyAmount` per currency.
         */
        MoneyAmount: {
            amount: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
        };
        /**
         * MyTaskStatistics
         * @description The caller's own figures, as client and as freelancer.
         */
        MyTaskStatistics: {
            as_client: {
                /** @example 2 */
                tasks_posted: number;
                /** @example 1 */
                open: number;
                /** @example 0 */
                in_progress: number;
                /** @example 1 */
                completed: number;
                /** @example 0 */
                cancelled: number;
                /** @description Escrow amounts released to freelancers, per currency. */
                total_spent: components["schemas"]["MoneyAmount"][];
            };
            as_freelancer: {
                /** @example 3 */
                applications_sent: number;
                /** @example 1 */
                pending: number;
                /** @example 1 */
                accepted: number;
                /** @example 1 */
                rejected: number;
                /** @example 1 */
                tasks_completed: number;
                /** @description Amounts credited to the wallet from released escrows (after the platform fee), per currency. */
                total_earned: components["schemas"]["MoneyAmount"][];
            };
            /** @example 4.90 */
            rating: string | null;
            /** @example 8 */
            reviews_count: number;
        };
        /**
         * SavedTask
         * @description A task the user bookmarked.
         */
        SavedTask: {
            /**
             * @description Id of the bookmark itself (to remove it, use the task id with `DELETE /tasks/saved/{id}/`).
             * @example 901
             */
            id: number;
            task: components["schemas"]["TaskSummary"];
            /**
             * Format: date-time
             * @example 2026-02-09T18:00:00Z
             */
            saved_at: string;
        };
        /**
         * PaginatedSavedTaskList
         * @description A page of saved tasks, most recently saved first.
         */
        PaginatedSavedTaskList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["SavedTask"][];
        };
        /**
         * UpdateTaskRequest
         * @description Every editable field of a task (PUT replaces them all).
         */
        UpdateTaskRequest: {
            /** @example Integrate our CRM with a REST API */
            title: string;
            /** @example Sync contacts and deals from our CRM to our billing system through its REST API. */
            description: string;
            /**
             * @description A category id from `GET /tasks/categories/`.
             * @example 3
             */
            category: number;
            /** @description From 5.00 to 1000000.00 in `currency`. */
            budget: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
            /**
             * Format: date-time
             * @description When the work must be done; in the future.
             * @example 2036-03-01T00:00:00Z
             */
            deadline: string | null;
            /**
             * @description Skill ids from `GET /recommendations/skills/`.
             * @example [
             *       11,
             *       17
             *     ]
             */
            skills: number[];
            /**
             * @description Whether the work can be done from anywhere.
             * @example true
             */
            remote: boolean;
            /**
             * @description Where the work happens; required when `remote` is false.
             * @example null
             */
            location: string | null;
        };
        /**
         * PartialUpdateTaskRequest
         * @description Some editable fields of a task (PATCH changes only those sent).
         */
        PartialUpdateTaskRequest: {
            /** @example Integrate our CRM with a REST API */
            title?: string;
            /** @example Sync contacts and deals from our CRM to our billing system through its REST API. */
            description?: string;
            /**
             * @description A category id from `GET /tasks/categories/`.
             * @example 3
             */
            category?: number;
            /** @description From 5.00 to 1000000.00 in `currency`. */
            budget?: components["schemas"]["Money"];
            currency?: components["schemas"]["Currency"];
            /**
             * Format: date-time
             * @description When the work must be done; in the future.
             * @example 2036-03-01T00:00:00Z
             */
            deadline?: string | null;
            /**
             * @description Skill ids from `GET /recommendations/skills/`.
             * @example [
             *       11,
             *       17
             *     ]
             */
            skills?: number[];
            /**
             * @description Whether the work can be done from anywhere.
             * @example true
             */
            remote?: boolean;
            /**
             * @description Where the work happens; required when `remote` is false.
             * @example null
             */
            location?: string | null;
        };
        /**
         * CancelTaskRequest
         * @description Why the task is cancelled, shown to the freelancers concerned.
         */
        CancelTaskRequest: {
            /** @example We decided to build the integration in house. */
            reason?: string;
        };
        /** ApplyToTaskRequest */
        ApplyToTaskRequest: {
            /**
             * @description Why the freelancer fits and how they would do the work.
             * @example I can deliver in 3 days
             */
            proposal: string;
            /** @description The price asked, in the task's currency; greater than 0.00. */
            bid_amount: components["schemas"]["Money"];
        };
        /** ApplyToTaskResponse */
        ApplyToTaskResponse: {
            /** @example 308 */
            application_id: number;
            status: components["schemas"]["ApplicationStatus"];
            /** @example 42 */
            task_id: number;
        };
        /**
         * CreateReviewRequest
         * @description A review of the other side of a completed task (1–5 stars and an optional comment).
         */
        CreateReviewRequest: {
            /** @example 5 */
            rating: number;
            /**
             * @default
             * @example Fast
             * @example careful translation.
             */
            comment?: string;
        };
        /**
         * Review
         * @description What one side of a completed task says about the other.
         */
        Review: {
            /** @example 61 */
            id: number;
            /** @example 31 */
            task_id: number;
            reviewer: components["schemas"]["UserSummary"];
            reviewee: components["schemas"]["UserSummary"];
            /**
             * @description Which way the review goes.
             * @example client_to_freelancer
             * @enum {string}
             */
            role: "client_to_freelancer" | "freelancer_to_client";
            /** @example 5 */
            rating: number;
            /**
             * @example Fast
             * @example careful translation.
             */
            comment: string;
            /**
             * Format: date-time
             * @example 2026-01-30T10:00:00Z
             */
            created_at: string;
        };
        /**
         * PaginatedReviewList
         * @description A page of reviews, newest first.
         */
        PaginatedReviewList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["Review"][];
        };
        /**
         * TaskSavedStatus
         * @description Whether the caller saved a task.
         */
        TaskSavedStatus: {
            /** @example 56 */
            task_id: number;
            /** @example true */
            is_saved: boolean;
            /**
             * Format: date-time
             * @example 2026-02-09T18:00:00Z
             */
            saved_at: string | null;
        };
        /**
         * RejectApplicationRequest
         * @description Why the application is rejected, shown to the freelancer.
         */
        RejectApplicationRequest: {
            /** @example We went with a bid closer to our budget. */
            reason?: string;
        };
        /**
         * Message
         * @description One message of a conversation.
         */
        Message: {
            /** @example 771 */
            id: number;
            /** @example 99 */
            conversation_id: number;
            sender: components["schemas"]["UserSummary"];
            /** @example Draft uploaded. Please review. */
            content: string;
            /**
             * @description Whether the recipient has read it.
             * @example false
             */
            is_read: boolean;
            /**
             * Format: date-time
             * @example null
             */
            read_at: string | null;
            /**
             * Format: date-time
             * @example 2026-02-10T16:32:00Z
             */
            created_at: string;
        };
        /**
         * Conversation
         * @description A private conversation between two users, optionally about a task.
         */
        Conversation: {
            /** @example 99 */
            id: number;
            participants: components["schemas"]["UserSummary"][];
            /** @description The participant who is not the caller. */
            other_participant: components["schemas"]["UserSummary"];
            /** @description The task the conversation is about, `null` for a general conversation. */
            task: components["schemas"]["TaskSummary"] | null;
            last_message: components["schemas"]["Message"] | null;
            /**
             * @description Messages from the other participant the caller has not read.
             * @example 1
             */
            unread_count: number;
            /**
             * Format: date-time
             * @example 2026-02-09T12:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description Time of the latest activity (the last message).
             * @example 2026-02-10T16:32:00Z
             */
            updated_at: string;
        };
        /**
         * PaginatedConversationList
         * @description A page of conversations, most recent activity first.
         */
        PaginatedConversationList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["Conversation"][];
        };
        /** CreateConversationRequest */
        CreateConversationRequest: {
            /**
             * @description Username of the other user.
             * @example freelancer_user
             */
            participant: string;
            /**
             * @description The task the conversation is about; one of the two users must be its client.
             * @example 42
             */
            task_id?: number | null;
            /**
             * @description An optional first message, sent at once.
             * @example Hi Lina
             * @example thanks for your bid. Could you share a similar project?
             */
            message?: string;
        };
        /**
         * PaginatedMessageList
         * @description A page of messages, newest first.
         */
        PaginatedMessageList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["Message"][];
        };
        /** SendMessageRequest */
        SendMessageRequest: {
            /**
             * @description The text; not only whitespace.
             * @example Draft uploaded. Please review.
             */
            content: string;
        };
        /**
         * SentMessage
         * @description The message just sent.
         */
        SentMessage: {
            /** @example 771 */
            message_id: number;
            /** @example 99 */
            conversation_id: number;
            /**
             * @description Username of the sender (the caller).
             * @example freelancer_user
             */
            sender: string;
            /** @example Draft uploaded. Please review. */
            content: string;
            /**
             * Format: date-time
             * @example 2026-02-10T16:32:00Z
             */
            created_at: string;
        };
        /**
         * ConversationReadReceipt
         * @description The result of marking a conversation read.
         */
        ConversationReadReceipt: {
            /** @example 99 */
            conversation_id: number;
            /**
             * @description Messages that changed from unread to read.
             * @example 1
             */
            marked_read: number;
            /**
             * @description Unread messages left in the conversation (0).
             * @example 0
             */
            unread_count: number;
        };
        /**
         * MessagingStatistics
         * @description The caller's messaging figures.
         */
        MessagingStatistics: {
            /** @example 3 */
            total_conversations: number;
            /** @example 24 */
            total_messages_sent: number;
            /** @example 31 */
            total_messages_received: number;
            /** @example 1 */
            unread_messages: number;
            /** @example 1 */
            unread_conversations: number;
        };
        /** CreateConnectAccountRequest */
        CreateConnectAccountRequest: {
            /**
             * @description ISO 3166-1 alpha-2 country of the freelancer or their business.
             * @example LB
             */
            country: string;
            /**
             * @default individual
             * @example individual
             * @enum {string}
             */
            business_type?: "individual" | "company";
        };
        /**
         * ConnectAccount
         * @description The caller's Stripe Connect account, through which released escrow money is paid out.
         */
        ConnectAccount: {
            /**
             * @description Stripe account id (`acct_…`), `null` when the user has no account yet.
             * @example acct_1QdemoLina
             */
            account_id: string | null;
            /**
             * @description `none` no account; `pending` created, onboarding not finished; `restricted` Stripe needs
             *     more information (see `requirements_due`); `active` payouts enabled.
             * @example active
             * @enum {string}
             */
            status: "none" | "pending" | "restricted" | "active";
            /** @example true */
            charges_enabled: boolean;
            /** @example true */
            payouts_enabled: boolean;
            /** @example true */
            details_submitted: boolean;
            /**
             * @description Information Stripe still needs (Stripe requirement names).
             * @example []
             */
            requirements_due: string[];
            /** @example LB */
            country: string | null;
        };
        /** CreateOnboardingLinkRequest */
        CreateOnboardingLinkRequest: {
            /**
             * @description Where Stripe sends the user back after onboarding; on an allowed frontend origin.
             * @example https://app.taskmarket.example/settings/payouts?onboarding=done
             */
            return_url: components["schemas"]["WebUrl"];
            /**
             * @description Where Stripe sends the user when the link expired; on an allowed frontend origin.
             * @example https://app.taskmarket.example/settings/payouts?onboarding=retry
             */
            refresh_url: components["schemas"]["WebUrl"];
        };
        /**
         * OnboardingLink
         * @description A single-use link to Stripe's hosted onboarding.
         */
        OnboardingLink: {
            /**
             * Format: uri
             * @example https://connect.stripe.com/setup/e/acct_1QdemoLina/Xy7pQ2
             */
            url: string;
            /**
             * Format: date-time
             * @example 2026-02-10T16:37:00Z
             */
            expires_at: string;
        };
        /** CreatePaymentIntentRequest */
        CreatePaymentIntentRequest: {
            /** @example 42 */
            task_id: number;
            /** @description The amount to hold in escrow; must equal the accepted bid, or the budget while the task is open. */
            amount: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
        };
        /**
         * PaymentIntent
         * @description A Stripe PaymentIntent that funds an escrow. The frontend confirms it with Stripe.js using `client_secret`.
         */
        PaymentIntent: {
            /**
             * @description Stripe PaymentIntent id.
             * @example pi_3QdemoEscrow42
             */
            intent_id: string;
            /**
             * @description Secret for Stripe.js to confirm the payment; give it only to the paying client.
             * @example pi_3QdemoEscrow42_secret_Fk29dLw
             */
            client_secret: string;
            /**
             * @description Stripe's PaymentIntent status.
             * @example requires_payment_method
             * @enum {string}
             */
            status: "requires_payment_method" | "requires_confirmation" | "requires_action" | "processing" | "requires_capture" | "succeeded" | "canceled";
            /** @example 12 */
            escrow_id: number;
            amount: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
        };
        /**
         * EscrowStatus
         * @description Where the money of a task is:
         *     `pending_payment` (PaymentIntent created, not paid yet) → `funded` (Stripe confirmed the
         *     payment through the webhook; the money is held) → `released` (paid to the freelancer's wallet
         *     minus the 10% platform fee) or `refunded` (returned to the client).
         *     `pending_payment` → `cancelled` when the payment is abandoned or fails for good.
         *     `released`, `refunded` and `cancelled` are final.
         * @example funded
         * @enum {string}
         */
        EscrowStatus: "pending_payment" | "funded" | "released" | "refunded" | "cancelled";
        /**
         * Escrow
         * @description Money a client holds for a task until the work is done.
         */
        Escrow: {
            /** @example 12 */
            id: number;
            task: components["schemas"]["TaskSummary"];
            client: components["schemas"]["UserSummary"];
            /** @description The assigned freelancer, `null` while the task is open. */
            freelancer: components["schemas"]["UserSummary"] | null;
            amount: components["schemas"]["Money"];
            /** @description The platform's 10% (rounded half-up to the cent), set at release. */
            platform_fee: components["schemas"]["Money"] | null;
            /** @description What the freelancer's wallet receives (amount − fee), set at release. */
            freelancer_amount: components["schemas"]["Money"] | null;
            currency: components["schemas"]["Currency"];
            status: components["schemas"]["EscrowStatus"];
            /** @example pi_3QdemoEscrow42 */
            payment_intent_id: string;
            /**
             * Format: date-time
             * @example 2026-02-10T09:05:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-02-10T09:06:00Z
             */
            funded_at: string | null;
            /**
             * Format: date-time
             * @example null
             */
            released_at: string | null;
            /**
             * Format: date-time
             * @example null
             */
            refunded_at: string | null;
        };
        /** RefundEscrowRequest */
        RefundEscrowRequest: {
            /**
             * @default requested_by_customer
             * @example task_cancelled
             * @enum {string}
             */
            reason?: "requested_by_customer" | "duplicate" | "fraudulent" | "task_cancelled";
        };
        /**
         * Wallet
         * @description A user's balance, derived from the wallet ledger (`GET /payments/wallet/transactions/`).
         */
        Wallet: {
            /** @description Available to withdraw. */
            balance: components["schemas"]["Money"];
            /** @description Held in funded escrows for tasks the user works on, not released yet. */
            pending_balance: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
            /** @description Everything credited from released escrows, after fees. */
            total_earned: components["schemas"]["Money"];
            /** @description Everything paid out (withdrawals not failed). */
            total_withdrawn: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @example 2026-02-05T10:00:00Z
             */
            updated_at: string;
        };
        /**
         * WalletTransactionType
         * @description `escrow_release` credit of a released escrow (gross); `platform_fee` the fee taken from it
         *     (debit); `withdrawal` debit when a withdrawal is requested; `withdrawal_reversal` credit when
         *     a payout fails; `refund` / `adjustment` corrections by the platform.
         * @example escrow_release
         * @enum {string}
         */
        WalletTransactionType: "escrow_release" | "platform_fee" | "withdrawal" | "withdrawal_reversal" | "refund" | "adjustment";
        /**
         * SignedMoney
         * @description A signed amount of money as a decimal string with exactly two places (negative for debits).
         * @example -120.00
         */
        SignedMoney: string;
        /**
         * WalletTransaction
         * @description One entry of the append-only wallet ledger. The balance is the sum of the entries.
         */
        WalletTransaction: {
            /** @example 1001 */
            id: number;
            type: components["schemas"]["WalletTransactionType"];
            /** @description Positive for a credit, negative for a debit. */
            amount: components["schemas"]["SignedMoney"];
            currency: components["schemas"]["Currency"];
            balance_after: components["schemas"]["Money"];
            /** @example Payment for task 31: Translate onboarding emails to Arabic */
            description: string;
            /** @example 9 */
            escrow_id: number | null;
            /** @example null */
            withdrawal_id: number | null;
            /**
             * Format: date-time
             * @example 2026-01-30T09:00:00Z
             */
            created_at: string;
        };
        /**
         * PaginatedWalletTransactionList
         * @description A page of wallet ledger entries, newest first.
         */
        PaginatedWalletTransactionList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["WalletTransaction"][];
        };
        /**
         * WithdrawalStatus
         * @description `pending` (requested; the wallet is already debited) → `processing` (a Stripe payout is on
         *     its way) → `paid` or `failed` (the amount is credited back with a `withdrawal_reversal`).
         *     `paid` and `failed` are final.
         * @example paid
         * @enum {string}
         */
        WithdrawalStatus: "pending" | "processing" | "paid" | "failed";
        /**
         * Withdrawal
         * @description A payout of wallet money to the user's Connect account and bank.
         */
        Withdrawal: {
            /** @example 5 */
            id: number;
            amount: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
            status: components["schemas"]["WithdrawalStatus"];
            /** @example po_1QdemoPayout5 */
            stripe_payout_id: string | null;
            /** @example null */
            failure_reason: string | null;
            /**
             * Format: date-time
             * @example 2026-02-02T10:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-02-04T08:00:00Z
             */
            processed_at: string | null;
        };
        /**
         * PaginatedWithdrawalList
         * @description A page of withdrawals, newest first.
         */
        PaginatedWithdrawalList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["Withdrawal"][];
        };
        /** CreateWithdrawalRequest */
        CreateWithdrawalRequest: {
            /** @description At least 50.00 and at most the wallet balance. */
            amount: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
        };
        /**
         * PaymentMethod
         * @description A card saved with Stripe for funding escrows.
         */
        PaymentMethod: {
            /** @example 3 */
            id: number;
            /** @example pm_1QdemoVisa4242 */
            stripe_payment_method_id: string;
            /**
             * @example card
             * @enum {string}
             */
            type: "card";
            /** @example visa */
            brand: string;
            /** @example 4242 */
            last4: string;
            /** @example 12 */
            exp_month: number;
            /** @example 2028 */
            exp_year: number;
            /** @example true */
            is_default: boolean;
            /**
             * Format: date-time
             * @example 2026-01-06T09:00:00Z
             */
            created_at: string;
        };
        /**
         * PaymentMethodList
         * @description All of the caller's saved payment methods, the default first.
         */
        PaymentMethodList: {
            results: components["schemas"]["PaymentMethod"][];
        };
        /** CreatePaymentMethodRequest */
        CreatePaymentMethodRequest: {
            /**
             * @description The PaymentMethod id collected by Stripe.js or Elements.
             * @example pm_1QdemoVisa4242
             */
            payment_method_id: string;
            /**
             * @description Make it the default (the first method always becomes the default).
             * @default false
             * @example true
             */
            set_default?: boolean;
        };
        /**
         * StripeEvent
         * @description A Stripe event as Stripe posts it. Stripe adds fields over time, so unknown fields are accepted.
         */
        StripeEvent: {
            /** @example evt_1QdemoFunded42 */
            id: string;
            /** @example payment_intent.succeeded */
            type: string;
            /**
             * @description Unix time.
             * @example 1770716760
             */
            created: number;
            /** @example false */
            livemode: boolean;
            data: {
                /** @description The Stripe object the event is about. */
                object: Record<string, never>;
            };
        };
        /**
         * WebhookReceipt
         * @description Acknowledgement of a webhook event.
         */
        WebhookReceipt: {
            /**
             * @example true
             * @constant
             */
            received: true;
        };
        /**
         * RecommendedTask
         * @description A task recommended to a freelancer, with how well it matches and why.
         */
        RecommendedTask: {
            /** @example 56 */
            task_id: number;
            /**
             * @description How well the task matches, from 0 to 1 (two decimals). A score, not money.
             * @example 0.91
             */
            match_score: number;
            /**
             * @description A short human-readable explanation of the match.
             * @example Python + API integration history
             */
            reason: string;
            /**
             * @description Slugs of the caller's skills the task needs.
             * @example [
             *       "python",
             *       "rest-apis"
             *     ]
             */
            matched_skills: string[];
            task: components["schemas"]["TaskSummary"];
        };
        /**
         * RecommendedTaskList
         * @description Recommended tasks, best match first.
         */
        RecommendedTaskList: {
            results: components["schemas"]["RecommendedTask"][];
        };
        /**
         * RecommendedFreelancer
         * @description A freelancer recommended to a client, with how well they match and why.
         */
        RecommendedFreelancer: {
            freelancer: components["schemas"]["UserSummary"];
            /**
             * @description How well the freelancer matches, from 0 to 1 (two decimals).
             * @example 0.88
             */
            match_score: number;
            /**
             * @example Python and REST APIs
             * @example 14 completed tasks
             * @example rated 4.80
             */
            reason: string;
            /**
             * @example [
             *       "python",
             *       "rest-apis"
             *     ]
             */
            matched_skills: string[];
            /**
             * @description Whether the freelancer already applied to the task (always false outside a task).
             * @example false
             */
            has_applied: boolean;
        };
        /**
         * RecommendedFreelancerList
         * @description Recommended freelancers, best match first.
         */
        RecommendedFreelancerList: {
            results: components["schemas"]["RecommendedFreelancer"][];
        };
        /**
         * RecommendationPreferences
         * @description What the user wants recommended.
         */
        RecommendationPreferences: {
            preferred_categories: components["schemas"]["Category"][];
            preferred_skills: components["schemas"]["Skill"][];
            min_budget: components["schemas"]["Money"] | null;
            max_budget: components["schemas"]["Money"] | null;
            currency: components["schemas"]["Currency"];
            /** @example true */
            remote_only: boolean;
            /**
             * @description A mail with new recommendations.
             * @example weekly
             * @enum {string}
             */
            email_digest: "off" | "daily" | "weekly";
            /**
             * Format: date-time
             * @description `null` while the defaults were never changed.
             * @example 2026-02-01T10:00:00Z
             */
            updated_at: string | null;
        };
        /** RecommendationPreferencesRequest */
        RecommendationPreferencesRequest: {
            /**
             * @example [
             *       3,
             *       5
             *     ]
             */
            preferred_categories: number[];
            /**
             * @example [
             *       11,
             *       17
             *     ]
             */
            preferred_skills: number[];
            min_budget: components["schemas"]["Money"] | null;
            max_budget: components["schemas"]["Money"] | null;
            currency: components["schemas"]["Currency"];
            /** @example true */
            remote_only: boolean;
            /**
             * @example weekly
             * @enum {string}
             */
            email_digest: "off" | "daily" | "weekly";
        };
        /** OnboardingRequest */
        OnboardingRequest: {
            /**
             * @description Sets `is_client` / `is_freelancer`.
             * @example freelancer
             * @enum {string}
             */
            role: "client" | "freelancer" | "both";
            /**
             * @description Category ids the user is interested in.
             * @example [
             *       3,
             *       5
             *     ]
             */
            categories: number[];
            /**
             * @description Skill ids; at least one for `freelancer` and `both`.
             * @example [
             *       11,
             *       17
             *     ]
             */
            skills: number[];
            /**
             * @example expert
             * @enum {string}
             */
            experience_level: "entry" | "intermediate" | "expert";
            hourly_rate?: components["schemas"]["Money"] | null;
            currency?: components["schemas"]["Currency"];
            /** @example Integration engineer and Arabic translator. */
            bio?: string;
        };
        /**
         * OnboardingStatus
         * @description How far the user is through onboarding.
         */
        OnboardingStatus: {
            /** @example true */
            completed: boolean;
            /**
             * Format: date-time
             * @example 2026-01-07T12:10:00Z
             */
            completed_at: string | null;
            steps: {
                /** @example true */
                profile: boolean;
                /** @example true */
                skills: boolean;
                /** @example true */
                preferences: boolean;
                /**
                 * @description A Connect account (freelancers) or a payment method (clients).
                 * @example false
                 */
                payments: boolean;
            };
            /**
             * @example payments
             * @enum {string|null}
             */
            next_step: "profile" | "skills" | "preferences" | "payments" | null;
        };
        /**
         * ServiceOffering
         * @description A service a freelancer offers at a starting price.
         */
        ServiceOffering: {
            /** @example 21 */
            id: number;
            freelancer: components["schemas"]["UserSummary"];
            /** @example REST API integrations */
            title: string;
            /**
             * @example I connect your CRM
             * @example billing and internal tools through their REST APIs.
             */
            description: string;
            category: components["schemas"]["Category"];
            skills: components["schemas"]["Skill"][];
            price_from: components["schemas"]["Money"];
            currency: components["schemas"]["Currency"];
            /** @example 5 */
            delivery_days: number;
            /**
             * Format: date-time
             * @example 2026-01-10T09:00:00Z
             */
            created_at: string;
        };
        /**
         * PaginatedServiceOfferingList
         * @description A page of service offerings.
         */
        PaginatedServiceOfferingList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["ServiceOffering"][];
        };
        /**
         * SkillList
         * @description Skills of the catalogue, by name.
         */
        SkillList: {
            results: components["schemas"]["Skill"][];
        };
        /**
         * UserSkill
         * @description A skill the user has, with level and experience.
         */
        UserSkill: {
            skill: components["schemas"]["Skill"];
            /**
             * @example expert
             * @enum {string}
             */
            level: "beginner" | "intermediate" | "expert";
            /** @example 6 */
            years_experience: number;
        };
        /**
         * MySkillList
         * @description The caller's skills.
         */
        MySkillList: {
            results: components["schemas"]["UserSkill"][];
        };
        /** UpdateMySkillsRequest */
        UpdateMySkillsRequest: {
            /** @description The whole new skill set; each skill once. */
            skills: {
                /** @example 11 */
                skill_id: number;
                /**
                 * @example expert
                 * @enum {string}
                 */
                level: "beginner" | "intermediate" | "expert";
                /** @example 6 */
                years_experience: number;
            }[];
        };
        /**
         * CategoryOverview
         * @description A category with discovery figures.
         */
        CategoryOverview: {
            category: components["schemas"]["Category"];
            /** @example 1 */
            open_tasks: number;
            /**
             * @description Freelancers with at least one skill of the category.
             * @example 2
             */
            freelancers: number;
            /** @description The category's most requested skills. */
            popular_skills: components["schemas"]["Skill"][];
        };
        /**
         * CategoryOverviewList
         * @description Every category with discovery figures, in display order.
         */
        CategoryOverviewList: {
            results: components["schemas"]["CategoryOverview"][];
        };
        /** ChatRequest */
        ChatRequest: {
            /** @example I need someone to connect our CRM to Stripe */
            message: string;
            /**
             * @description Continue this session; leave out (or `null`) to start a new one.
             * @example 17
             */
            session_id?: number | null;
        };
        /**
         * ChatMessage
         * @description One message of an assistant session.
         */
        ChatMessage: {
            /** @example 202 */
            id: number;
            /** @example 17 */
            session_id: number;
            /**
             * @example assistant
             * @enum {string}
             */
            role: "user" | "assistant";
            /** @example Happy to help you write this up. Which CRM do you use, and what should sync with Stripe: customers, invoices or both? */
            content: string;
            /**
             * @description The user's rating of an assistant message.
             * @example null
             * @enum {string|null}
             */
            rating: "up" | "down" | null;
            /**
             * Format: date-time
             * @example 2026-02-12T10:00:03Z
             */
            created_at: string;
        };
        /**
         * ChatSessionStatus
         * @description `active` (accepts messages) → `ended` (read-only). A session also ends after 24 hours without messages.
         * @example active
         * @enum {string}
         */
        ChatSessionStatus: "active" | "ended";
        /**
         * ChatResponse
         * @description The user's message as stored and the assistant's reply.
         */
        ChatResponse: {
            /** @example 17 */
            session_id: number;
            user_message: components["schemas"]["ChatMessage"];
            reply: components["schemas"]["ChatMessage"];
            session_status: components["schemas"]["ChatSessionStatus"];
            /**
             * @description The conversation has enough for `POST /chatbot/sessions/{id}/extract-task/`.
             * @example false
             */
            task_draft_ready: boolean;
        };
        /**
         * ChatStreamDelta
         * @description The next piece of a streamed reply; the pieces joined are the reply's text.
         */
        ChatStreamDelta: {
            /** @example Happy to help */
            content: string;
        };
        /**
         * ChatStreamEvent
         * @description One event of a streamed chat reply, its `event:` line and its JSON `data:`: `user_message`
         *     (the stored user message), `delta` (the next piece of the reply), `done` (the whole answer, as
         *     the JSON answer would have been), `error` (a problem document; the stream ends there).
         */
        ChatStreamEvent: {
            /** @constant */
            event: "user_message";
            data: components["schemas"]["ChatMessage"];
        } | {
            /** @constant */
            event: "delta";
            data: components["schemas"]["ChatStreamDelta"];
        } | {
            /** @constant */
            event: "done";
            data: components["schemas"]["ChatResponse"];
        } | {
            /** @constant */
            event: "error";
            data: components["schemas"]["Problem"];
        };
        /**
         * ChatEventStream
         * @description The reply of `POST /chatbot/chat/` as Server-Sent Events, sent when the request's `Accept` is
         *     `text/event-stream`: frames of `event:` and `data:` lines, each one a `ChatStreamEvent`. First
         *     `user_message`, then `delta`s as the model writes, then `done` with the whole answer (the
         *     stored reply is its full text), or `error` with a problem document if the model fails after
         *     the stream began (the user's message is kept, no reply is stored).
         */
        ChatEventStream: string;
        /**
         * ChatSessionSummary
         * @description A session in a list.
         */
        ChatSessionSummary: {
            /** @example 17 */
            id: number;
            /**
             * @description Taken from the first message.
             * @example CRM to Stripe integration
             */
            title: string;
            status: components["schemas"]["ChatSessionStatus"];
            /** @example 2 */
            messages_count: number;
            /**
             * Format: date-time
             * @example 2026-02-12T10:00:03Z
             */
            last_message_at: string | null;
            /**
             * Format: date-time
             * @example 2026-02-12T10:00:00Z
             */
            created_at: string;
        };
        /**
         * PaginatedChatSessionSummaryList
         * @description A page of assistant sessions, newest first.
         */
        PaginatedChatSessionSummaryList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["ChatSessionSummary"][];
        };
        /**
         * TaskDraft
         * @description A task extracted from an assistant conversation, ready to review and post with `POST /tasks/create/` (ids map to its fields).
         */
        TaskDraft: {
            /** @example Connect our CRM to Stripe */
            title: string;
            /** @example Sync customers and invoices between our HubSpot CRM and Stripe in both directions. */
            description: string;
            category: components["schemas"]["Category"] | null;
            skills: components["schemas"]["Skill"][];
            budget: components["schemas"]["Money"] | null;
            currency: components["schemas"]["Currency"];
            /**
             * Format: date-time
             * @example null
             */
            deadline: string | null;
            /**
             * @description False when the conversation asked for work on site.
             * @example true
             */
            remote: boolean;
            /**
             * @description Where on-site work happens, as the conversation named it.
             * @example null
             */
            location: string | null;
            /**
             * @description Task fields the conversation did not settle; ask the user before posting.
             * @example [
             *       "deadline"
             *     ]
             */
            missing_fields: ("title" | "description" | "category" | "skills" | "budget" | "deadline" | "location")[];
            /**
             * @description How sure the assistant is of the draft.
             * @example 0.82
             */
            confidence: number;
        };
        /**
         * ChatSession
         * @description An assistant session with all its messages.
         */
        ChatSession: {
            /** @example 17 */
            id: number;
            /** @example CRM to Stripe integration */
            title: string;
            status: components["schemas"]["ChatSessionStatus"];
            /** @description Oldest first. */
            messages: components["schemas"]["ChatMessage"][];
            /** @description The last task draft extracted from this session, if any. */
            task_draft: components["schemas"]["TaskDraft"] | null;
            /**
             * Format: date-time
             * @example 2026-02-12T10:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example null
             */
            ended_at: string | null;
        };
        /** SuggestCategoryRequest */
        SuggestCategoryRequest: {
            /** @example Connect our CRM to Stripe */
            title: string;
            /** @example Sync customers and invoices between HubSpot and Stripe. */
            description?: string;
        };
        /**
         * CategorySuggestion
         * @description A category that may fit, with the assistant's confidence.
         */
        CategorySuggestion: {
            category: components["schemas"]["Category"];
            /** @example 0.86 */
            confidence: number;
        };
        /**
         * CategorySuggestionList
         * @description Up to three categories, best first.
         */
        CategorySuggestionList: {
            results: components["schemas"]["CategorySuggestion"][];
        };
        /** RateChatMessageRequest */
        RateChatMessageRequest: {
            /**
             * @example up
             * @enum {string}
             */
            rating: "up" | "down";
            /** @example Asked exactly the right question. */
            comment?: string;
        };
        /**
         * ChatbotStatus
         * @description Which assistant answers.
         */
        ChatbotStatus: {
            /** @example true */
            available: boolean;
            /**
             * @description `openai`: an OpenAI-compatible model is configured; `offline`: a deterministic built-in assistant answers.
             * @example openai
             * @enum {string}
             */
            provider: "openai" | "offline";
            /** @example gpt-4o-mini */
            model: string | null;
            /**
             * @example [
             *       "chat",
             *       "extract_task",
             *       "suggest_category"
             *     ]
             */
            features: ("chat" | "extract_task" | "suggest_category")[];
        };
        /**
         * ChatbotStatistics
         * @description The caller's use of the assistant.
         */
        ChatbotStatistics: {
            /** @example 3 */
            total_sessions: number;
            /** @example 1 */
            active_sessions: number;
            /** @example 14 */
            total_messages: number;
            /** @example 2 */
            tasks_extracted: number;
            ratings: {
                /** @example 4 */
                up: number;
                /** @example 1 */
                down: number;
            };
            /** @description Tokens the assistant's model used for the caller (chat replies, drafts and suggestions), as the model reported them. */
            tokens: {
                /** @example 5120 */
                prompt: number;
                /** @example 1480 */
                completion: number;
                /** @example 6600 */
                total: number;
            };
        };
        /**
         * NotificationType
         * @description What a notification is about:
         *     `application_received` (a freelancer applied to your task), `application_accepted` /
         *     `application_rejected` (your application was decided), `message_received`,
         *     `task_completed` / `task_cancelled` (a task you work on changed), `review_received`,
         *     `payment_received` (an escrow for your task was funded), `payment_released` (escrow paid out to
         *     your wallet), `payment_refunded`, `withdrawal_paid` / `withdrawal_failed`.
         * @example application_received
         * @enum {string}
         */
        NotificationType: "application_received" | "application_accepted" | "application_rejected" | "message_received" | "task_completed" | "task_cancelled" | "review_received" | "payment_received" | "payment_released" | "payment_refunded" | "withdrawal_paid" | "withdrawal_failed";
        /**
         * NotificationTarget
         * @description A reference to the resource a notification is about.
         */
        NotificationTarget: {
            /**
             * @example application
             * @enum {string}
             */
            kind: "task" | "application" | "conversation" | "escrow" | "withdrawal" | "review";
            /** @example 308 */
            id: number;
            /**
             * @description The API path that reads the resource.
             * @example /api/tasks/42/applications/
             */
            url: string;
        };
        /**
         * Notification
         * @description One entry of a user's notification inbox.
         */
        Notification: {
            /** @example 5001 */
            id: number;
            type: components["schemas"]["NotificationType"];
            /** @example New application on your task */
            title: string;
            /** @example freelancer_user applied to "Integrate our CRM with a REST API" with a bid of 120.00 USD. */
            body: string;
            /** @example false */
            is_read: boolean;
            /**
             * Format: date-time
             * @example null
             */
            read_at: string | null;
            /** @description The user whose action caused the notification, `null` for system events. */
            actor: components["schemas"]["UserSummary"] | null;
            /** @description The resource the notification is about, `null` when there is none. */
            target: components["schemas"]["NotificationTarget"] | null;
            /**
             * Format: date-time
             * @example 2026-02-09T11:00:00Z
             */
            created_at: string;
        };
        /**
         * PaginatedNotificationList
         * @description A page of notifications, newest first.
         */
        PaginatedNotificationList: {
            /**
             * @description Items on all pages together.
             * @example 1
             */
            count: number;
            /**
             * Format: uri
             * @description URL of the next page, `null` on the last page.
             * @example null
             */
            next: string | null;
            /**
             * Format: uri
             * @description URL of the previous page, `null` on the first page.
             * @example null
             */
            previous: string | null;
            results: components["schemas"]["Notification"][];
        };
        /**
         * UnreadNotificationCount
         * @description How many of the caller's notifications are unread.
         */
        UnreadNotificationCount: {
            /** @example 3 */
            unread_count: number;
        };
        /**
         * NotificationsUpdated
         * @description How many notifications an operation changed.
         */
        NotificationsUpdated: {
            /** @example 3 */
            updated: number;
        };
        /**
         * NotificationChannels
         * @description Where one type of notification is delivered.
         */
        NotificationChannels: {
            /**
             * @description Shown in the inbox (`GET /notifications/`).
             * @example true
             */
            in_app: boolean;
            /**
             * @description Also sent by email (only to a verified address).
             * @example false
             */
            email: boolean;
        };
        /**
         * NotificationPreferences
         * @description How the user wants to be notified. `email_enabled` and `in_app_enabled` are master switches;
         *     `types` sets each notification type's channels. Sent whole on update (PUT).
         */
        NotificationPreferences: {
            /**
             * @description Master switch for email; when false no notification mail is sent.
             * @example true
             */
            email_enabled: boolean;
            /**
             * @description Master switch for the inbox; when false new notifications are not stored.
             * @example true
             */
            in_app_enabled: boolean;
            /**
             * @description Email notifications one by one (`none`) or gathered in a daily or weekly digest.
             * @example none
             * @enum {string}
             */
            digest: "none" | "daily" | "weekly";
            /** @description Channels per notification type; every type is present. */
            types: {
                application_received: components["schemas"]["NotificationChannels"];
                application_accepted: components["schemas"]["NotificationChannels"];
                application_rejected: components["schemas"]["NotificationChannels"];
                message_received: components["schemas"]["NotificationChannels"];
                task_completed: components["schemas"]["NotificationChannels"];
                task_cancelled: components["schemas"]["NotificationChannels"];
                review_received: components["schemas"]["NotificationChannels"];
                payment_received: components["schemas"]["NotificationChannels"];
                payment_released: components["schemas"]["NotificationChannels"];
                payment_refunded: components["schemas"]["NotificationChannels"];
                withdrawal_paid: components["schemas"]["NotificationChannels"];
                withdrawal_failed: components["schemas"]["NotificationChannels"];
            };
        };
        /**
         * ConversationRead
         * @description A participant read the messages of a conversation (the `conversation.read` event).
         */
        ConversationRead: {
            /** @example 99 */
            conversation_id: number;
            /**
             * @description The participant who read.
             * @example 2
             */
            reader_id: number;
            /**
             * @description Messages that became read.
             * @example 3
             */
            marked_read: number;
            /**
             * Format: date-time
             * @example 2026-02-10T16:40:00Z
             */
            read_at: string;
        };
        /**
         * StreamResync
         * @description The `resync` event: what was missed since `Last-Event-ID` can no longer be replayed (more than
         *     500 events, or older than 24 hours). Reload the lists (notifications, conversations); the
         *     stream goes on from now.
         */
        StreamResync: {
            /**
             * @example too_many_missed
             * @enum {string}
             */
            reason: "too_many_missed" | "too_old";
        };
        /**
         * StreamEvent
         * @description One event of `GET /stream/`, as Server-Sent Events frames carry it: `id:` (give the last one
         *     seen as `Last-Event-ID` when reconnecting), `event:` (the type) and `data:` (the JSON payload,
         *     whose schema depends on the type). Comment lines (`: heartbeat`) come every 15 seconds.
         */
        StreamEvent: {
            /** @example 1042 */
            id: string;
            /**
             * @description `notification.created` (data: `Notification`, a new notification in the inbox),
             *     `message.created` (data: `Message`, a message in one of your conversations, yours
             *     included), `conversation.read` (data: `ConversationRead`), `resync` (data: `StreamResync`).
             * @example message.created
             * @enum {string}
             */
            event: "notification.created" | "message.created" | "conversation.read" | "resync";
            data: components["schemas"]["Notification"] | components["schemas"]["Message"] | components["schemas"]["ConversationRead"] | components["schemas"]["StreamResync"];
        };
        /**
         * EventStream
         * @description A `text/event-stream` body: Server-Sent Events frames, each one `StreamEvent` (its `id:`,
         *     `event:` and `data:` lines, then a blank line), and `: heartbeat` comment lines.
         */
        EventStream: string;
        /**
         * StreamTicket
         * @description A single-use ticket that opens one event stream without an Authorization header (for `EventSource`).
         */
        StreamTicket: {
            /**
             * @description Pass it as `GET /stream/?ticket=…` within a minute; it works once.
             * @example tkt_Zq3mV9xK2mLp9sR4wY7zB1cD5fG6hJ0k
             */
            ticket: string;
            /**
             * Format: date-time
             * @example 2026-02-10T16:33:00Z
             */
            expires_at: string;
        };
    };
    responses: {
        /** @description The request does not match the contract: malformed JSON, a wrong content type, a missing field, a wrong type or a value out of range. `errors` names every offending field. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/validation_error",
                 *       "title": "Your request is not valid.",
                 *       "status": 400,
                 *       "detail": "bid_amount: must be greater than 0.00",
                 *       "code": "validation_error",
                 *       "instance": "/api/tasks/42/apply/",
                 *       "errors": {
                 *         "bid_amount": [
                 *           "must be greater than 0.00"
                 *         ]
                 *       }
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The resource's current state forbids the operation (for example the task is no longer open, or the record already exists). */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/invalid_state",
                 *       "title": "The resource is not in a state that allows this.",
                 *       "status": 409,
                 *       "detail": "Task 42 is in_progress; only open tasks accept applications.",
                 *       "code": "invalid_state",
                 *       "instance": "/api/tasks/42/apply/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request body is larger than the server accepts (1 MiB by default). */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/payload_too_large",
                 *       "title": "The request body is too large.",
                 *       "status": 413,
                 *       "detail": "The request body is larger than 1048576 bytes.",
                 *       "code": "payload_too_large",
                 *       "instance": "/api/tasks/create/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limit exceeded. Wait for the number of seconds in `Retry-After`. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/rate_limited",
                 *       "title": "Too many requests.",
                 *       "status": 429,
                 *       "detail": "Try again in 60 seconds.",
                 *       "code": "rate_limited",
                 *       "instance": "/api/auth/login/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The service cannot reach its database right now (an outage or a restart). Nothing was changed; retry after the number of seconds in `Retry-After`. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/service_unavailable",
                 *       "title": "The service is unavailable.",
                 *       "status": 503,
                 *       "detail": "The database cannot be reached right now. Try again in 5 seconds.",
                 *       "code": "service_unavailable",
                 *       "instance": "/api/tasks/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No access token was sent, or it is malformed, expired or revoked. Refresh the token pair and retry once. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/not_authenticated",
                 *       "title": "Authentication required.",
                 *       "status": 401,
                 *       "detail": "Send a valid access token in the Authorization header.",
                 *       "code": "not_authenticated",
                 *       "instance": "/api/auth/profile/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is well-formed but breaks a business rule that is not a state conflict. */
        UnprocessableEntity: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/business_rule_violation",
                 *       "title": "The request breaks a business rule.",
                 *       "status": 422,
                 *       "detail": "The current password is incorrect.",
                 *       "code": "business_rule_violation",
                 *       "instance": "/api/auth/profile/change-password/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The resource does not exist or is not visible to the caller. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/not_found",
                 *       "title": "Not found.",
                 *       "status": 404,
                 *       "detail": "Task 42 does not exist.",
                 *       "code": "not_found",
                 *       "instance": "/api/tasks/42/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Authenticated, but not allowed: the caller does not own the resource or lacks the role (client or freelancer) the operation needs. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/permission_denied",
                 *       "title": "You are not allowed to do this.",
                 *       "status": 403,
                 *       "detail": "Only the client who posted this task can accept its applications.",
                 *       "code": "permission_denied",
                 *       "instance": "/api/tasks/applications/308/accept/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Stripe refused the call or did not answer in time. Nothing was changed here; retry with the same `Idempotency-Key` to complete the request. */
        BadGateway: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/payment_provider_error",
                 *       "title": "The payment provider failed.",
                 *       "status": 502,
                 *       "detail": "Stripe did not answer in time. Nothing was changed; retry with the same Idempotency-Key.",
                 *       "code": "payment_provider_error",
                 *       "instance": "/api/payments/intents/create/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller's copy (`If-None-Match`) is still current; no body. */
        NotModified: {
            headers: {
                ETag: components["headers"]["ETag"];
                "Cache-Control": components["headers"]["CacheControlPublic"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The assistant's model failed: it answered with an error, refused, or gave nothing usable. Your message is kept in the session and the session stays usable; send the next message or try again. */
        AssistantError: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/assistant_error",
                 *       "title": "The assistant failed.",
                 *       "status": 502,
                 *       "detail": "The assistant's model answered with an error (500). Your message was kept; try again.",
                 *       "code": "assistant_error",
                 *       "instance": "/api/chatbot/chat/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The assistant's model is busy or did not answer in time, or the database cannot be reached. Your message (if the database took it) is kept; retry after the number of seconds in `Retry-After`. */
        AssistantUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://taskmarket.example/problems/assistant_unavailable",
                 *       "title": "The assistant is unavailable.",
                 *       "status": 503,
                 *       "detail": "The assistant's model is busy. Your message was kept; try again in 20 seconds.",
                 *       "code": "assistant_unavailable",
                 *       "instance": "/api/chatbot/chat/"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Page number, starting at 1. A page past the last one answers `404`. */
        Page: number;
        /** @description Items per page, 1–100. */
        PageSize: number;
        /**
         * @description Username (case-insensitive).
         * @example sara
         */
        Username: string;
        /**
         * @description Integer id of the resource named by the path.
         * @example 42
         */
        Id: number;
        /**
         * @description Makes a money-moving request safe to retry, as on Stripe's API: send a fresh unique value
         *     (a UUID) with each new request and the same value when retrying it. Within 24 hours, a retry
         *     with the same key and the same body answers what the first request answered (status and
         *     body, with `Idempotent-Replayed: true`) without doing anything again; the same key with another body is `409
         *     idempotency_key_reused`. A request that failed on our side or at Stripe (`5xx`) is not
         *     remembered, so its retry runs again and completes it.
         */
        IdempotencyKey: string;
        /** @description The `ETag` of a copy the caller holds; while it still matches, the answer is `304` with no body. */
        IfNoneMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description The id of this request, in every answer and in the service's log lines. A client may send its own `X-Request-Id` (1–64 letters, digits, `-`, `_` or `=`) to trace a call end to end; anything else is replaced by a generated one. Quote it when reporting a problem. */
        RequestId: string;
        /** @description Answers that carry tokens must never be stored by a browser or a shared cache. */
        CacheControlNoStore: "no-store";
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
        /** @description The `Bearer` challenge (RFC 6750): `Bearer realm="taskmarket"`, with `error="invalid_token"` and an `error_description` when a token was sent but refused. */
        WwwAuthenticate: string;
        /** @description A validator of this answer's body (weak: equal bodies have equal tags). Send it back in `If-None-Match` to get `304 Not Modified` while nothing changed. */
        ETag: string;
        /** @description Catalogue reads are the same for everyone: browsers and shared caches may keep them for a minute, then revalidate with `If-None-Match`. */
        CacheControlPublic: "public, max-age=60";
    };
    pathItems: never;
}
export type RegisterRequest = components['schemas']['RegisterRequest'];
export type Money = components['schemas']['Money'];
export type Currency = components['schemas']['Currency'];
export type User = components['schemas']['User'];
export type AuthSession = components['schemas']['AuthSession'];
export type ProblemCode = components['schemas']['ProblemCode'];
export type Problem = components['schemas']['Problem'];
export type LoginRequest = components['schemas']['LoginRequest'];
export type TokenPair = components['schemas']['TokenPair'];
export type RefreshTokenRequest = components['schemas']['RefreshTokenRequest'];
export type WebUrl = components['schemas']['WebUrl'];
export type UpdateProfileRequest = components['schemas']['UpdateProfileRequest'];
export type ChangePasswordRequest = components['schemas']['ChangePasswordRequest'];
export type Skill = components['schemas']['Skill'];
export type PublicUser = components['schemas']['PublicUser'];
export type PaginatedPublicUserList = components['schemas']['PaginatedPublicUserList'];
export type PortfolioItem = components['schemas']['PortfolioItem'];
export type PaginatedPortfolioItemList = components['schemas']['PaginatedPortfolioItemList'];
export type UsernameAvailability = components['schemas']['UsernameAvailability'];
export type EmailAvailability = components['schemas']['EmailAvailability'];
export type EmailRequest = components['schemas']['EmailRequest'];
export type Detail = components['schemas']['Detail'];
export type TokenRequest = components['schemas']['TokenRequest'];
export type ConfirmPasswordResetRequest = components['schemas']['ConfirmPasswordResetRequest'];
export type DeleteAccountRequest = components['schemas']['DeleteAccountRequest'];
export type GoogleLoginRequest = components['schemas']['GoogleLoginRequest'];
export type GoogleLoginResponse = components['schemas']['GoogleLoginResponse'];
export type PortfolioItemRequest = components['schemas']['PortfolioItemRequest'];
export type TaskStatus = components['schemas']['TaskStatus'];
export type Category = components['schemas']['Category'];
export type UserSummary = components['schemas']['UserSummary'];
export type Task = components['schemas']['Task'];
export type PaginatedTaskList = components['schemas']['PaginatedTaskList'];
export type CreateTaskRequest = components['schemas']['CreateTaskRequest'];
export type TaskCategoryList = components['schemas']['TaskCategoryList'];
export type ApplicationStatus = components['schemas']['ApplicationStatus'];
export type TaskSummary = components['schemas']['TaskSummary'];
export type Application = components['schemas']['Application'];
export type PaginatedApplicationList = components['schemas']['PaginatedApplicationList'];
export type TaskBudgetStatistics = components['schemas']['TaskBudgetStatistics'];
export type CategoryTaskCount = components['schemas']['CategoryTaskCount'];
export type TaskStatistics = components['schemas']['TaskStatistics'];
export type MoneyAmount = components['schemas']['MoneyAmount'];
export type MyTaskStatistics = components['schemas']['MyTaskStatistics'];
export type SavedTask = components['schemas']['SavedTask'];
export type PaginatedSavedTaskList = components['schemas']['PaginatedSavedTaskList'];
export type UpdateTaskRequest = components['schemas']['UpdateTaskRequest'];
export type PartialUpdateTaskRequest = components['schemas']['PartialUpdateTaskRequest'];
export type CancelTaskRequest = components['schemas']['CancelTaskRequest'];
export type ApplyToTaskRequest = components['schemas']['ApplyToTaskRequest'];
export type ApplyToTaskResponse = components['schemas']['ApplyToTaskResponse'];
export type CreateReviewRequest = components['schemas']['CreateReviewRequest'];
export type Review = components['schemas']['Review'];
export type PaginatedReviewList = components['schemas']['PaginatedReviewList'];
export type TaskSavedStatus = components['schemas']['TaskSavedStatus'];
export type RejectApplicationRequest = components['schemas']['RejectApplicationRequest'];
export type Message = components['schemas']['Message'];
export type Conversation = components['schemas']['Conversation'];
export type PaginatedConversationList = components['schemas']['PaginatedConversationList'];
export type CreateConversationRequest = components['schemas']['CreateConversationRequest'];
export type PaginatedMessageList = components['schemas']['PaginatedMessageList'];
export type SendMessageRequest = components['schemas']['SendMessageRequest'];
export type SentMessage = components['schemas']['SentMessage'];
export type ConversationReadReceipt = components['schemas']['ConversationReadReceipt'];
export type MessagingStatistics = components['schemas']['MessagingStatistics'];
export type CreateConnectAccountRequest = components['schemas']['CreateConnectAccountRequest'];
export type ConnectAccount = components['schemas']['ConnectAccount'];
export type CreateOnboardingLinkRequest = components['schemas']['CreateOnboardingLinkRequest'];
export type OnboardingLink = components['schemas']['OnboardingLink'];
export type CreatePaymentIntentRequest = components['schemas']['CreatePaymentIntentRequest'];
export type PaymentIntent = components['schemas']['PaymentIntent'];
export type EscrowStatus = components['schemas']['EscrowStatus'];
export type Escrow = components['schemas']['Escrow'];
export type RefundEscrowRequest = components['schemas']['RefundEscrowRequest'];
export type Wallet = components['schemas']['Wallet'];
export type WalletTransactionType = components['schemas']['WalletTransactionType'];
export type SignedMoney = components['schemas']['SignedMoney'];
export type WalletTransaction = components['schemas']['WalletTransaction'];
export type PaginatedWalletTransactionList = components['schemas']['PaginatedWalletTransactionList'];
export type WithdrawalStatus = components['schemas']['WithdrawalStatus'];
export type Withdrawal = components['schemas']['Withdrawal'];
export type PaginatedWithdrawalList = components['schemas']['PaginatedWithdrawalList'];
export type CreateWithdrawalRequest = components['schemas']['CreateWithdrawalRequest'];
export type PaymentMethod = components['schemas']['PaymentMethod'];
export type PaymentMethodList = components['schemas']['PaymentMethodList'];
export type CreatePaymentMethodRequest = components['schemas']['CreatePaymentMethodRequest'];
export type StripeEvent = components['schemas']['StripeEvent'];
export type WebhookReceipt = components['schemas']['WebhookReceipt'];
export type RecommendedTask = components['schemas']['RecommendedTask'];
export type RecommendedTaskList = components['schemas']['RecommendedTaskList'];
export type RecommendedFreelancer = components['schemas']['RecommendedFreelancer'];
export type RecommendedFreelancerList = components['schemas']['RecommendedFreelancerList'];
export type RecommendationPreferences = components['schemas']['RecommendationPreferences'];
export type RecommendationPreferencesRequest = components['schemas']['RecommendationPreferencesRequest'];
export type OnboardingRequest = components['schemas']['OnboardingRequest'];
export type OnboardingStatus = components['schemas']['OnboardingStatus'];
export type ServiceOffering = components['schemas']['ServiceOffering'];
export type PaginatedServiceOfferingList = components['schemas']['PaginatedServiceOfferingList'];
export type SkillList = components['schemas']['SkillList'];
export type UserSkill = components['schemas']['UserSkill'];
export type MySkillList = components['schemas']['MySkillList'];
export type UpdateMySkillsRequest = components['schemas']['UpdateMySkillsRequest'];
export type CategoryOverview = components['schemas']['CategoryOverview'];
export type CategoryOverviewList = components['schemas']['CategoryOverviewList'];
export type ChatRequest = components['schemas']['ChatRequest'];
export type ChatMessage = components['schemas']['ChatMessage'];
export type ChatSessionStatus = components['schemas']['ChatSessionStatus'];
export type ChatResponse = components['schemas']['ChatResponse'];
export type ChatStreamDelta = components['schemas']['ChatStreamDelta'];
export type ChatStreamEvent = components['schemas']['ChatStreamEvent'];
export type ChatEventStream = components['schemas']['ChatEventStream'];
export type ChatSessionSummary = components['schemas']['ChatSessionSummary'];
export type PaginatedChatSessionSummaryList = components['schemas']['PaginatedChatSessionSummaryList'];
export type TaskDraft = components['schemas']['TaskDraft'];
export type ChatSession = components['schemas']['ChatSession'];
export type SuggestCategoryRequest = components['schemas']['SuggestCategoryRequest'];
export type CategorySuggestion = components['schemas']['CategorySuggestion'];
export type CategorySuggestionList = components['schemas']['CategorySuggestionList'];
export type RateChatMessageRequest = components['schemas']['RateChatMessageRequest'];
export type ChatbotStatus = components['schemas']['ChatbotStatus'];
export type ChatbotStatistics = components['schemas']['ChatbotStatistics'];
export type NotificationType = components['schemas']['NotificationType'];
export type NotificationTarget = components['schemas']['NotificationTarget'];
export type Notification = components['schemas']['Notification'];
export type PaginatedNotificationList = components['schemas']['PaginatedNotificationList'];
export type UnreadNotificationCount = components['schemas']['UnreadNotificationCount'];
export type NotificationsUpdated = components['schemas']['NotificationsUpdated'];
export type NotificationChannels = components['schemas']['NotificationChannels'];
export type NotificationPreferences = components['schemas']['NotificationPreferences'];
export type ConversationRead = components['schemas']['ConversationRead'];
export type StreamResync = components['schemas']['StreamResync'];
export type StreamEvent = components['schemas']['StreamEvent'];
export type EventStream = components['schemas']['EventStream'];
export type StreamTicket = components['schemas']['StreamTicket'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponsePayloadTooLarge = components['responses']['PayloadTooLarge'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseServiceUnavailable = components['responses']['ServiceUnavailable'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseUnprocessableEntity = components['responses']['UnprocessableEntity'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseBadGateway = components['responses']['BadGateway'];
export type ResponseNotModified = components['responses']['NotModified'];
export type ResponseAssistantError = components['responses']['AssistantError'];
export type ResponseAssistantUnavailable = components['responses']['AssistantUnavailable'];
export type ParameterPage = components['parameters']['Page'];
export type ParameterPageSize = components['parameters']['PageSize'];
export type ParameterUsername = components['parameters']['Username'];
export type ParameterId = components['parameters']['Id'];
export type ParameterIdempotencyKey = components['parameters']['IdempotencyKey'];
export type ParameterIfNoneMatch = components['parameters']['IfNoneMatch'];
export type HeaderRequestId = components['headers']['RequestId'];
export type HeaderCacheControlNoStore = components['headers']['CacheControlNoStore'];
export type HeaderRetryAfter = components['headers']['RetryAfter'];
export type HeaderWwwAuthenticate = components['headers']['WwwAuthenticate'];
export type HeaderETag = components['headers']['ETag'];
export type HeaderCacheControlPublic = components['headers']['CacheControlPublic'];
export type $defs = Record<string, never>;
export interface operations {
    registerUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "sara",
                 *       "email": "sara@example.com",
                 *       "password": "StrongPass123",
                 *       "first_name": "Sara",
                 *       "last_name": "Ahmed",
                 *       "is_client": true,
                 *       "is_freelancer": true
                 *     }
                 */
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description The account was created and signed in. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb",
                     *       "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa",
                     *       "user": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "email": "sara@example.com",
                     *         "first_name": "Sara",
                     *         "last_name": "Ahmed",
                     *         "display_name": "Sara Ahmed",
                     *         "bio": "",
                     *         "avatar_url": null,
                     *         "location": "",
                     *         "hourly_rate": null,
                     *         "currency": "usd",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "email_verified": false,
                     *         "rating": null,
                     *         "reviews_count": 0,
                     *         "date_joined": "2026-01-05T08:30:00Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuthSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    loginUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "sara@example.com",
                 *       "password": "StrongPass123"
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb",
                     *       "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa",
                     *       "user": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "email": "sara@example.com",
                     *         "first_name": "Sara",
                     *         "last_name": "Ahmed",
                     *         "display_name": "Sara Ahmed",
                     *         "bio": "Product lead at a logistics startup.",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "location": "Amman, Jordan",
                     *         "hourly_rate": "45.00",
                     *         "currency": "usd",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "email_verified": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8,
                     *         "date_joined": "2026-01-05T08:30:00Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuthSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    obtainTokenPair: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "sara@example.com",
                 *       "password": "StrongPass123"
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description A new token pair. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb",
                     *       "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa",
                     *       "access_expires_at": "2026-02-10T16:47:00Z",
                     *       "refresh_expires_at": "2026-02-17T16:32:00Z",
                     *       "token_type": "Bearer"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    refreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa"
                 *     }
                 */
                "application/json": components["schemas"]["RefreshTokenRequest"];
            };
        };
        responses: {
            /** @description A new token pair; the old refresh token no longer works. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIiwianRpIjoiMiJ9.Xc9Pq2Lm4Nb7",
                     *       "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCIsImp0aSI6IjIifQ.Rt6Yh1Kd8Vs3",
                     *       "access_expires_at": "2026-02-10T17:02:00Z",
                     *       "refresh_expires_at": "2026-02-17T16:47:00Z",
                     *       "token_type": "Bearer"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    logoutUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa"
                 *     }
                 */
                "application/json": components["schemas"]["RefreshTokenRequest"];
            };
        };
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's profile. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 1,
                     *       "username": "sara",
                     *       "email": "sara@example.com",
                     *       "first_name": "Sara",
                     *       "last_name": "Ahmed",
                     *       "display_name": "Sara Ahmed",
                     *       "bio": "Product lead at a logistics startup.",
                     *       "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *       "location": "Amman, Jordan",
                     *       "hourly_rate": "45.00",
                     *       "currency": "usd",
                     *       "is_client": true,
                     *       "is_freelancer": true,
                     *       "email_verified": true,
                     *       "rating": "4.90",
                     *       "reviews_count": 8,
                     *       "date_joined": "2026-01-05T08:30:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "first_name": "Sara",
                 *       "last_name": "Ahmed",
                 *       "bio": "Product lead at a logistics startup.",
                 *       "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                 *       "location": "Amman, Jordan",
                 *       "hourly_rate": "45.00",
                 *       "currency": "usd",
                 *       "is_client": true,
                 *       "is_freelancer": true
                 *     }
                 */
                "application/json": components["schemas"]["UpdateProfileRequest"];
            };
        };
        responses: {
            /** @description The updated profile. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 1,
                     *       "username": "sara",
                     *       "email": "sara@example.com",
                     *       "first_name": "Sara",
                     *       "last_name": "Ahmed",
                     *       "display_name": "Sara Ahmed",
                     *       "bio": "Product lead at a logistics startup.",
                     *       "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *       "location": "Amman, Jordan",
                     *       "hourly_rate": "45.00",
                     *       "currency": "usd",
                     *       "is_client": true,
                     *       "is_freelancer": true,
                     *       "email_verified": true,
                     *       "rating": "4.90",
                     *       "reviews_count": 8,
                     *       "date_joined": "2026-01-05T08:30:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "current_password": "StrongPass123",
                 *       "new_password": "EvenStronger456"
                 *     }
                 */
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Password changed; a new token pair for this client. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIiwianRpIjoiMyJ9.Hw2Jk5Mn8Qa1",
                     *       "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCIsImp0aSI6IjMifQ.Bv4Cx7Zs0Pe9",
                     *       "access_expires_at": "2026-02-10T16:47:00Z",
                     *       "refresh_expires_at": "2026-02-17T16:32:00Z",
                     *       "token_type": "Bearer"
                     *     }
                     */
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Matches username, first and last name. */
                search?: string;
                /** @description Only freelancers (`true`) or only non-freelancers (`false`). */
                is_freelancer?: boolean;
                /** @description Only clients (`true`) or only non-clients (`false`). */
                is_client?: boolean;
                /** @description Only users with this skill (slug). */
                skill?: string;
                /** @description Sort order. */
                ordering?: "username" | "-rating" | "-date_joined";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of public profiles. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 2,
                     *           "username": "freelancer_user",
                     *           "display_name": "Lina Haddad",
                     *           "first_name": "Lina",
                     *           "last_name": "Haddad",
                     *           "bio": "Integration engineer and Arabic translator.",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *           "location": "Beirut, Lebanon",
                     *           "hourly_rate": "40.00",
                     *           "currency": "usd",
                     *           "is_client": false,
                     *           "is_freelancer": true,
                     *           "skills": [
                     *             {
                     *               "id": 11,
                     *               "slug": "python",
                     *               "name": "Python",
                     *               "category_id": 5
                     *             },
                     *             {
                     *               "id": 17,
                     *               "slug": "rest-apis",
                     *               "name": "REST APIs",
                     *               "category_id": 3
                     *             }
                     *           ],
                     *           "rating": "4.80",
                     *           "reviews_count": 12,
                     *           "completed_tasks_count": 14,
                     *           "date_joined": "2026-01-07T12:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedPublicUserList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username (case-insensitive).
                 * @example sara
                 */
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The public profile. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 2,
                     *       "username": "freelancer_user",
                     *       "display_name": "Lina Haddad",
                     *       "first_name": "Lina",
                     *       "last_name": "Haddad",
                     *       "bio": "Integration engineer and Arabic translator.",
                     *       "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *       "location": "Beirut, Lebanon",
                     *       "hourly_rate": "40.00",
                     *       "currency": "usd",
                     *       "is_client": false,
                     *       "is_freelancer": true,
                     *       "skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "rating": "4.80",
                     *       "reviews_count": 12,
                     *       "completed_tasks_count": 14,
                     *       "date_joined": "2026-01-07T12:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["PublicUser"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUserPortfolioItems: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
            };
            header?: never;
            path: {
                /**
                 * @description Username (case-insensitive).
                 * @example sara
                 */
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the user's portfolio items. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 7,
                     *           "title": "CRM sync service for a logistics startup",
                     *           "description": "Two-way sync between HubSpot and an in-house order system, with retries and an audit log.",
                     *           "url": "https://example.com/case-studies/crm-sync",
                     *           "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
                     *           "skills": [
                     *             {
                     *               "id": 11,
                     *               "slug": "python",
                     *               "name": "Python",
                     *               "category_id": 5
                     *             },
                     *             {
                     *               "id": 17,
                     *               "slug": "rest-apis",
                     *               "name": "REST APIs",
                     *               "category_id": 3
                     *             }
                     *           ],
                     *           "completed_on": "2025-11-30",
                     *           "created_at": "2026-01-08T10:00:00Z",
                     *           "updated_at": "2026-01-08T10:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedPortfolioItemList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    checkUsername: {
        parameters: {
            query: {
                /** @description The username to check. */
                username: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the username is available. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "username": "sara",
                     *       "available": false,
                     *       "reason": "taken"
                     *     }
                     */
                    "application/json": components["schemas"]["UsernameAvailability"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    checkEmail: {
        parameters: {
            query: {
                /** @description The email address to check. */
                email: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the email address is available. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "email": "sara@example.com",
                     *       "available": false,
                     *       "reason": "taken"
                     *     }
                     */
                    "application/json": components["schemas"]["EmailAvailability"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    resendVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "sara@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["EmailRequest"];
            };
        };
        responses: {
            /** @description Accepted; a mail is on its way if an unverified account has this address. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": "If an unverified account exists for this address, a verification email is on its way."
                     *     }
                     */
                    "application/json": components["schemas"]["Detail"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "vT3nQ8xK2mLp9sR4wY7zB1cD5fG6hJ0k"
                 *     }
                 */
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The email address is verified. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": "Your email address is verified."
                     *     }
                     */
                    "application/json": components["schemas"]["Detail"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "sara@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["EmailRequest"];
            };
        };
        responses: {
            /** @description Accepted; a mail is on its way if an account has this address. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": "If an account exists for this address, a password reset email is on its way."
                     *     }
                     */
                    "application/json": components["schemas"]["Detail"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "Rk7pW2qN9xL4mT8vY3zB6cD1fG5hJ0sA",
                 *       "new_password": "EvenStronger456"
                 *     }
                 */
                "application/json": components["schemas"]["ConfirmPasswordResetRequest"];
            };
        };
        responses: {
            /** @description The password was changed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": "Your password was changed. Please sign in again."
                     *     }
                     */
                    "application/json": components["schemas"]["Detail"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "StrongPass123"
                 *     }
                 */
                "application/json": components["schemas"]["DeleteAccountRequest"];
            };
        };
        responses: {
            /** @description The account is deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    loginWithGoogle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id_token": "eyJhbGciOiJSUzI1NiIsImtpZCI6ImRlbW8ifQ.eyJlbWFpbCI6InNhcmFAZXhhbXBsZS5jb20ifQ.c2lnbmF0dXJl",
                 *       "is_client": true,
                 *       "is_freelancer": false
                 *     }
                 */
                "application/json": components["schemas"]["GoogleLoginRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    "Cache-Control": components["headers"]["CacheControlNoStore"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb",
                     *       "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa",
                     *       "user": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "email": "sara@example.com",
                     *         "first_name": "Sara",
                     *         "last_name": "Ahmed",
                     *         "display_name": "Sara Ahmed",
                     *         "bio": "Product lead at a logistics startup.",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "location": "Amman, Jordan",
                     *         "hourly_rate": "45.00",
                     *         "currency": "usd",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "email_verified": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8,
                     *         "date_joined": "2026-01-05T08:30:00Z"
                     *       },
                     *       "created": false
                     *     }
                     */
                    "application/json": components["schemas"]["GoogleLoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMyPortfolioItems: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the caller's portfolio items. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 7,
                     *           "title": "CRM sync service for a logistics startup",
                     *           "description": "Two-way sync between HubSpot and an in-house order system, with retries and an audit log.",
                     *           "url": "https://example.com/case-studies/crm-sync",
                     *           "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
                     *           "skills": [
                     *             {
                     *               "id": 11,
                     *               "slug": "python",
                     *               "name": "Python",
                     *               "category_id": 5
                     *             },
                     *             {
                     *               "id": 17,
                     *               "slug": "rest-apis",
                     *               "name": "REST APIs",
                     *               "category_id": 3
                     *             }
                     *           ],
                     *           "completed_on": "2025-11-30",
                     *           "created_at": "2026-01-08T10:00:00Z",
                     *           "updated_at": "2026-01-08T10:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedPortfolioItemList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPortfolioItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "CRM sync service for a logistics startup",
                 *       "description": "Two-way sync between HubSpot and an in-house order system, with retries and an audit log.",
                 *       "url": "https://example.com/case-studies/crm-sync",
                 *       "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
                 *       "skills": [
                 *         11,
                 *         17
                 *       ],
                 *       "completed_on": "2025-11-30"
                 *     }
                 */
                "application/json": components["schemas"]["PortfolioItemRequest"];
            };
        };
        responses: {
            /** @description The new portfolio item. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 7,
                     *       "title": "CRM sync service for a logistics startup",
                     *       "description": "Two-way sync between HubSpot and an in-house order system, with retries and an audit log.",
                     *       "url": "https://example.com/case-studies/crm-sync",
                     *       "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
                     *       "skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "completed_on": "2025-11-30",
                     *       "created_at": "2026-01-08T10:00:00Z",
                     *       "updated_at": "2026-01-08T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["PortfolioItem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPortfolioItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The portfolio item. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 7,
                     *       "title": "CRM sync service for a logistics startup",
                     *       "description": "Two-way sync between HubSpot and an in-house order system, with retries and an audit log.",
                     *       "url": "https://example.com/case-studies/crm-sync",
                     *       "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
                     *       "skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "completed_on": "2025-11-30",
                     *       "created_at": "2026-01-08T10:00:00Z",
                     *       "updated_at": "2026-01-08T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["PortfolioItem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updatePortfolioItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "CRM sync service for a logistics startup",
                 *       "description": "Two-way sync between HubSpot and an in-house order system, now with webhooks.",
                 *       "url": "https://example.com/case-studies/crm-sync",
                 *       "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
                 *       "skills": [
                 *         11,
                 *         17
                 *       ],
                 *       "completed_on": "2025-11-30"
                 *     }
                 */
                "application/json": components["schemas"]["PortfolioItemRequest"];
            };
        };
        responses: {
            /** @description The updated portfolio item. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 7,
                     *       "title": "CRM sync service for a logistics startup",
                     *       "description": "Two-way sync between HubSpot and an in-house order system, now with webhooks.",
                     *       "url": "https://example.com/case-studies/crm-sync",
                     *       "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
                     *       "skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "completed_on": "2025-11-30",
                     *       "created_at": "2026-01-08T10:00:00Z",
                     *       "updated_at": "2026-02-10T16:32:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["PortfolioItem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deletePortfolioItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item is deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Full-text search over title and description. */
                search?: string;
                /** @description Only tasks of this category id. */
                category?: number;
                /** @description Only tasks in this status (default `open`). */
                status?: components["schemas"]["TaskStatus"];
                /** @description Only tasks budgeted in this currency. */
                currency?: components["schemas"]["Currency"];
                /** @description Lowest budget, inclusive (decimal string). */
                min_budget?: components["schemas"]["Money"];
                /** @description Highest budget, inclusive (decimal string). */
                max_budget?: components["schemas"]["Money"];
                /** @description Comma-separated skill slugs; tasks needing all of them. */
                skills?: string;
                /** @description Only remote (`true`) or on-site (`false`) tasks. */
                remote?: boolean;
                /** @description Only tasks posted by this username. */
                client?: string;
                /** @description Sort order. Left out, best matches come first when `search` is given, the newest tasks otherwise. */
                ordering?: "-created_at" | "created_at" | "-budget" | "budget" | "deadline" | "-deadline";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 42,
                     *           "title": "Integrate our CRM with a REST API",
                     *           "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
                     *           "status": "open",
                     *           "category": {
                     *             "id": 3,
                     *             "slug": "web-development",
                     *             "name": "Web Development",
                     *             "description": "Websites, web applications, APIs and integrations."
                     *           },
                     *           "budget": "200.00",
                     *           "currency": "usd",
                     *           "deadline": "2036-03-01T00:00:00Z",
                     *           "skills": [
                     *             {
                     *               "id": 11,
                     *               "slug": "python",
                     *               "name": "Python",
                     *               "category_id": 5
                     *             },
                     *             {
                     *               "id": 17,
                     *               "slug": "rest-apis",
                     *               "name": "REST APIs",
                     *               "category_id": 3
                     *             }
                     *           ],
                     *           "remote": true,
                     *           "location": null,
                     *           "client": {
                     *             "id": 1,
                     *             "username": "sara",
                     *             "display_name": "Sara Ahmed",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *             "is_client": true,
                     *             "is_freelancer": true,
                     *             "rating": "4.90",
                     *             "reviews_count": 8
                     *           },
                     *           "freelancer": null,
                     *           "applications_count": 2,
                     *           "accepted_application_id": null,
                     *           "created_at": "2026-02-08T09:15:00Z",
                     *           "updated_at": "2026-02-08T09:15:00Z",
                     *           "completed_at": null,
                     *           "cancelled_at": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedTaskList"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Integrate our CRM with a REST API",
                 *       "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
                 *       "category": 3,
                 *       "budget": "200.00",
                 *       "currency": "usd",
                 *       "deadline": "2036-03-01T00:00:00Z",
                 *       "skills": [
                 *         11,
                 *         17
                 *       ],
                 *       "remote": true,
                 *       "location": null
                 *     }
                 */
                "application/json": components["schemas"]["CreateTaskRequest"];
            };
        };
        responses: {
            /** @description The new task. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 42,
                     *       "title": "Integrate our CRM with a REST API",
                     *       "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
                     *       "status": "open",
                     *       "category": {
                     *         "id": 3,
                     *         "slug": "web-development",
                     *         "name": "Web Development",
                     *         "description": "Websites, web applications, APIs and integrations."
                     *       },
                     *       "budget": "200.00",
                     *       "currency": "usd",
                     *       "deadline": "2036-03-01T00:00:00Z",
                     *       "skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "remote": true,
                     *       "location": null,
                     *       "client": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "display_name": "Sara Ahmed",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8
                     *       },
                     *       "freelancer": null,
                     *       "applications_count": 0,
                     *       "accepted_application_id": null,
                     *       "created_at": "2026-02-08T09:15:00Z",
                     *       "updated_at": "2026-02-08T09:15:00Z",
                     *       "completed_at": null,
                     *       "cancelled_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTaskCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All categories. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "id": 1,
                     *           "slug": "design",
                     *           "name": "Design & Creative",
                     *           "description": "Logos, branding, UI and UX design, illustration."
                     *         },
                     *         {
                     *           "id": 2,
                     *           "slug": "writing",
                     *           "name": "Writing & Translation",
                     *           "description": "Copywriting, editing, translation and localisation."
                     *         },
                     *         {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         {
                     *           "id": 4,
                     *           "slug": "mobile-development",
                     *           "name": "Mobile Development",
                     *           "description": "iOS, Android and cross-platform apps."
                     *         },
                     *         {
                     *           "id": 5,
                     *           "slug": "data-science",
                     *           "name": "Data Science & Analytics",
                     *           "description": "Data collection, analysis, machine learning and dashboards."
                     *         },
                     *         {
                     *           "id": 6,
                     *           "slug": "marketing",
                     *           "name": "Sales & Marketing",
                     *           "description": "Campaigns, SEO, social media and lead generation."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TaskCategoryList"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMyTasks: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only tasks in this status. */
                status?: components["schemas"]["TaskStatus"];
                /** @description Sort order. */
                ordering?: "-created_at" | "created_at" | "-budget" | "budget" | "deadline" | "-deadline";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the caller's tasks. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 42,
                     *           "title": "Integrate our CRM with a REST API",
                     *           "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
                     *           "status": "open",
                     *           "category": {
                     *             "id": 3,
                     *             "slug": "web-development",
                     *             "name": "Web Development",
                     *             "description": "Websites, web applications, APIs and integrations."
                     *           },
                     *           "budget": "200.00",
                     *           "currency": "usd",
                     *           "deadline": "2036-03-01T00:00:00Z",
                     *           "skills": [
                     *             {
                     *               "id": 11,
                     *               "slug": "python",
                     *               "name": "Python",
                     *               "category_id": 5
                     *             },
                     *             {
                     *               "id": 17,
                     *               "slug": "rest-apis",
                     *               "name": "REST APIs",
                     *               "category_id": 3
                     *             }
                     *           ],
                     *           "remote": true,
                     *           "location": null,
                     *           "client": {
                     *             "id": 1,
                     *             "username": "sara",
                     *             "display_name": "Sara Ahmed",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *             "is_client": true,
                     *             "is_freelancer": true,
                     *             "rating": "4.90",
                     *             "reviews_count": 8
                     *           },
                     *           "freelancer": null,
                     *           "applications_count": 2,
                     *           "accepted_application_id": null,
                     *           "created_at": "2026-02-08T09:15:00Z",
                     *           "updated_at": "2026-02-08T09:15:00Z",
                     *           "completed_at": null,
                     *           "cancelled_at": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedTaskList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMyApplications: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only applications in this status. */
                status?: components["schemas"]["ApplicationStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the caller's applications. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 308,
                     *           "task": {
                     *             "id": 42,
                     *             "title": "Integrate our CRM with a REST API",
                     *             "status": "open",
                     *             "budget": "200.00",
                     *             "currency": "usd",
                     *             "category": {
                     *               "id": 3,
                     *               "slug": "web-development",
                     *               "name": "Web Development",
                     *               "description": "Websites, web applications, APIs and integrations."
                     *             },
                     *             "client": {
                     *               "id": 1,
                     *               "username": "sara",
                     *               "display_name": "Sara Ahmed",
                     *               "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *               "is_client": true,
                     *               "is_freelancer": true,
                     *               "rating": "4.90",
                     *               "reviews_count": 8
                     *             },
                     *             "deadline": "2036-03-01T00:00:00Z",
                     *             "created_at": "2026-02-08T09:15:00Z"
                     *           },
                     *           "freelancer": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "proposal": "I can deliver in 3 days",
                     *           "bid_amount": "120.00",
                     *           "currency": "usd",
                     *           "status": "pending",
                     *           "created_at": "2026-02-09T11:00:00Z",
                     *           "updated_at": "2026-02-09T11:00:00Z",
                     *           "decided_at": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedApplicationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTaskStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statistics. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total_tasks": 4,
                     *       "open_tasks": 2,
                     *       "in_progress_tasks": 1,
                     *       "completed_tasks": 1,
                     *       "cancelled_tasks": 0,
                     *       "total_applications": 3,
                     *       "budgets": [
                     *         {
                     *           "currency": "usd",
                     *           "average_budget": "270.00",
                     *           "completed_value": "80.00"
                     *         }
                     *       ],
                     *       "categories": [
                     *         {
                     *           "category_id": 1,
                     *           "name": "Design & Creative",
                     *           "open_tasks": 0
                     *         },
                     *         {
                     *           "category_id": 2,
                     *           "name": "Writing & Translation",
                     *           "open_tasks": 0
                     *         },
                     *         {
                     *           "category_id": 3,
                     *           "name": "Web Development",
                     *           "open_tasks": 1
                     *         },
                     *         {
                     *           "category_id": 4,
                     *           "name": "Mobile Development",
                     *           "open_tasks": 0
                     *         },
                     *         {
                     *           "category_id": 5,
                     *           "name": "Data Science & Analytics",
                     *           "open_tasks": 1
                     *         },
                     *         {
                     *           "category_id": 6,
                     *           "name": "Sales & Marketing",
                     *           "open_tasks": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["TaskStatistics"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMyTaskStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's statistics. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "as_client": {
                     *         "tasks_posted": 2,
                     *         "open": 1,
                     *         "in_progress": 0,
                     *         "completed": 1,
                     *         "cancelled": 0,
                     *         "total_spent": [
                     *           {
                     *             "amount": "80.00",
                     *             "currency": "usd"
                     *           }
                     *         ]
                     *       },
                     *       "as_freelancer": {
                     *         "applications_sent": 0,
                     *         "pending": 0,
                     *         "accepted": 0,
                     *         "rejected": 0,
                     *         "tasks_completed": 0,
                     *         "total_earned": []
                     *       },
                     *       "rating": "4.90",
                     *       "reviews_count": 8
                     *     }
                     */
                    "application/json": components["schemas"]["MyTaskStatistics"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listSavedTasks: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of saved tasks. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 901,
                     *           "task": {
                     *             "id": 56,
                     *             "title": "Python scraper for competitor prices",
                     *             "status": "open",
                     *             "budget": "350.00",
                     *             "currency": "usd",
                     *             "category": {
                     *               "id": 5,
                     *               "slug": "data-science",
                     *               "name": "Data Science & Analytics",
                     *               "description": "Data collection, analysis, machine learning and dashboards."
                     *             },
                     *             "client": {
                     *               "id": 3,
                     *               "username": "omar",
                     *               "display_name": "Omar Khalil",
                     *               "avatar_url": null,
                     *               "is_client": true,
                     *               "is_freelancer": false,
                     *               "rating": "4.70",
                     *               "reviews_count": 5
                     *             },
                     *             "deadline": "2036-03-15T00:00:00Z",
                     *             "created_at": "2026-02-09T14:20:00Z"
                     *           },
                     *           "saved_at": "2026-02-09T18:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedSavedTaskList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    unsaveTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task is no longer saved. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 42,
                     *       "title": "Integrate our CRM with a REST API",
                     *       "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
                     *       "status": "open",
                     *       "category": {
                     *         "id": 3,
                     *         "slug": "web-development",
                     *         "name": "Web Development",
                     *         "description": "Websites, web applications, APIs and integrations."
                     *       },
                     *       "budget": "200.00",
                     *       "currency": "usd",
                     *       "deadline": "2036-03-01T00:00:00Z",
                     *       "skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "remote": true,
                     *       "location": null,
                     *       "client": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "display_name": "Sara Ahmed",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8
                     *       },
                     *       "freelancer": null,
                     *       "applications_count": 2,
                     *       "accepted_application_id": null,
                     *       "created_at": "2026-02-08T09:15:00Z",
                     *       "updated_at": "2026-02-08T09:15:00Z",
                     *       "completed_at": null,
                     *       "cancelled_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Integrate our CRM with a REST API",
                 *       "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
                 *       "category": 3,
                 *       "budget": "250.00",
                 *       "currency": "usd",
                 *       "deadline": "2036-03-01T00:00:00Z",
                 *       "skills": [
                 *         11,
                 *         17
                 *       ],
                 *       "remote": true,
                 *       "location": null
                 *     }
                 */
                "application/json": components["schemas"]["UpdateTaskRequest"];
            };
        };
        responses: {
            /** @description The updated task. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 42,
                     *       "title": "Integrate our CRM with a REST API",
                     *       "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
                     *       "status": "open",
                     *       "category": {
                     *         "id": 3,
                     *         "slug": "web-development",
                     *         "name": "Web Development",
                     *         "description": "Websites, web applications, APIs and integrations."
                     *       },
                     *       "budget": "250.00",
                     *       "currency": "usd",
                     *       "deadline": "2036-03-01T00:00:00Z",
                     *       "skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "remote": true,
                     *       "location": null,
                     *       "client": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "display_name": "Sara Ahmed",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8
                     *       },
                     *       "freelancer": null,
                     *       "applications_count": 2,
                     *       "accepted_application_id": null,
                     *       "created_at": "2026-02-08T09:15:00Z",
                     *       "updated_at": "2026-02-09T08:00:00Z",
                     *       "completed_at": null,
                     *       "cancelled_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    partialUpdateTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "budget": "250.00"
                 *     }
                 */
                "application/json": components["schemas"]["PartialUpdateTaskRequest"];
            };
        };
        responses: {
            /** @description The updated task. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 42,
                     *       "title": "Integrate our CRM with a REST API",
                     *       "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
                     *       "status": "open",
                     *       "category": {
                     *         "id": 3,
                     *         "slug": "web-development",
                     *         "name": "Web Development",
                     *         "description": "Websites, web applications, APIs and integrations."
                     *       },
                     *       "budget": "250.00",
                     *       "currency": "usd",
                     *       "deadline": "2036-03-01T00:00:00Z",
                     *       "skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "remote": true,
                     *       "location": null,
                     *       "client": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "display_name": "Sara Ahmed",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8
                     *       },
                     *       "freelancer": null,
                     *       "applications_count": 2,
                     *       "accepted_application_id": null,
                     *       "created_at": "2026-02-08T09:15:00Z",
                     *       "updated_at": "2026-02-09T08:00:00Z",
                     *       "completed_at": null,
                     *       "cancelled_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task is deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "reason": "We decided to build the integration in house."
                 *     }
                 */
                "application/json": components["schemas"]["CancelTaskRequest"];
            };
        };
        responses: {
            /** @description The cancelled task. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 42,
                     *       "title": "Integrate our CRM with a REST API",
                     *       "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
                     *       "status": "cancelled",
                     *       "category": {
                     *         "id": 3,
                     *         "slug": "web-development",
                     *         "name": "Web Development",
                     *         "description": "Websites, web applications, APIs and integrations."
                     *       },
                     *       "budget": "200.00",
                     *       "currency": "usd",
                     *       "deadline": "2036-03-01T00:00:00Z",
                     *       "skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "remote": true,
                     *       "location": null,
                     *       "client": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "display_name": "Sara Ahmed",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8
                     *       },
                     *       "freelancer": null,
                     *       "applications_count": 2,
                     *       "accepted_application_id": null,
                     *       "created_at": "2026-02-08T09:15:00Z",
                     *       "updated_at": "2026-02-11T09:00:00Z",
                     *       "completed_at": null,
                     *       "cancelled_at": "2026-02-11T09:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    completeTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The completed task. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 57,
                     *       "title": "Landing page design in Figma",
                     *       "description": "Design a responsive landing page for our price tracker in Figma, with a style guide.",
                     *       "status": "completed",
                     *       "category": {
                     *         "id": 1,
                     *         "slug": "design",
                     *         "name": "Design & Creative",
                     *         "description": "Logos, branding, UI and UX design, illustration."
                     *       },
                     *       "budget": "450.00",
                     *       "currency": "usd",
                     *       "deadline": "2036-02-28T00:00:00Z",
                     *       "skills": [
                     *         {
                     *           "id": 15,
                     *           "slug": "figma",
                     *           "name": "Figma",
                     *           "category_id": 1
                     *         }
                     *       ],
                     *       "remote": true,
                     *       "location": null,
                     *       "client": {
                     *         "id": 3,
                     *         "username": "omar",
                     *         "display_name": "Omar Khalil",
                     *         "avatar_url": null,
                     *         "is_client": true,
                     *         "is_freelancer": false,
                     *         "rating": "4.70",
                     *         "reviews_count": 5
                     *       },
                     *       "freelancer": {
                     *         "id": 4,
                     *         "username": "dev_maria",
                     *         "display_name": "Maria Lopez",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/4.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.60",
                     *         "reviews_count": 3
                     *       },
                     *       "applications_count": 3,
                     *       "accepted_application_id": 305,
                     *       "created_at": "2026-02-01T08:00:00Z",
                     *       "updated_at": "2026-02-20T17:45:00Z",
                     *       "completed_at": "2026-02-20T17:45:00Z",
                     *       "cancelled_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    applyToTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "proposal": "I can deliver in 3 days",
                 *       "bid_amount": "120.00"
                 *     }
                 */
                "application/json": components["schemas"]["ApplyToTaskRequest"];
            };
        };
        responses: {
            /** @description The application was created and is pending. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "application_id": 308,
                     *       "status": "pending",
                     *       "task_id": 42
                     *     }
                     */
                    "application/json": components["schemas"]["ApplyToTaskResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTaskApplications: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only applications in this status. */
                status?: components["schemas"]["ApplicationStatus"];
                /** @description Sort order. */
                ordering?: "created_at" | "-created_at" | "bid_amount" | "-bid_amount";
            };
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the task's applications. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 2,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 308,
                     *           "task": {
                     *             "id": 42,
                     *             "title": "Integrate our CRM with a REST API",
                     *             "status": "open",
                     *             "budget": "200.00",
                     *             "currency": "usd",
                     *             "category": {
                     *               "id": 3,
                     *               "slug": "web-development",
                     *               "name": "Web Development",
                     *               "description": "Websites, web applications, APIs and integrations."
                     *             },
                     *             "client": {
                     *               "id": 1,
                     *               "username": "sara",
                     *               "display_name": "Sara Ahmed",
                     *               "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *               "is_client": true,
                     *               "is_freelancer": true,
                     *               "rating": "4.90",
                     *               "reviews_count": 8
                     *             },
                     *             "deadline": "2036-03-01T00:00:00Z",
                     *             "created_at": "2026-02-08T09:15:00Z"
                     *           },
                     *           "freelancer": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "proposal": "I can deliver in 3 days",
                     *           "bid_amount": "120.00",
                     *           "currency": "usd",
                     *           "status": "pending",
                     *           "created_at": "2026-02-09T11:00:00Z",
                     *           "updated_at": "2026-02-09T11:00:00Z",
                     *           "decided_at": null
                     *         },
                     *         {
                     *           "id": 309,
                     *           "task": {
                     *             "id": 42,
                     *             "title": "Integrate our CRM with a REST API",
                     *             "status": "open",
                     *             "budget": "200.00",
                     *             "currency": "usd",
                     *             "category": {
                     *               "id": 3,
                     *               "slug": "web-development",
                     *               "name": "Web Development",
                     *               "description": "Websites, web applications, APIs and integrations."
                     *             },
                     *             "client": {
                     *               "id": 1,
                     *               "username": "sara",
                     *               "display_name": "Sara Ahmed",
                     *               "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *               "is_client": true,
                     *               "is_freelancer": true,
                     *               "rating": "4.90",
                     *               "reviews_count": 8
                     *             },
                     *             "deadline": "2036-03-01T00:00:00Z",
                     *             "created_at": "2026-02-08T09:15:00Z"
                     *           },
                     *           "freelancer": {
                     *             "id": 4,
                     *             "username": "dev_maria",
                     *             "display_name": "Maria Lopez",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/4.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.60",
                     *             "reviews_count": 3
                     *           },
                     *           "proposal": "I have shipped four CRM integrations this year and can start tomorrow.",
                     *           "bid_amount": "180.00",
                     *           "currency": "usd",
                     *           "status": "pending",
                     *           "created_at": "2026-02-09T13:30:00Z",
                     *           "updated_at": "2026-02-09T13:30:00Z",
                     *           "decided_at": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedApplicationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "rating": 5,
                 *       "comment": "Fast, careful translation."
                 *     }
                 */
                "application/json": components["schemas"]["CreateReviewRequest"];
            };
        };
        responses: {
            /** @description The review. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 61,
                     *       "task_id": 31,
                     *       "reviewer": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "display_name": "Sara Ahmed",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8
                     *       },
                     *       "reviewee": {
                     *         "id": 2,
                     *         "username": "freelancer_user",
                     *         "display_name": "Lina Haddad",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.80",
                     *         "reviews_count": 12
                     *       },
                     *       "role": "client_to_freelancer",
                     *       "rating": 5,
                     *       "comment": "Fast, careful translation.",
                     *       "created_at": "2026-01-30T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTaskReviews: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
            };
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the task's reviews. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 2,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 62,
                     *           "task_id": 31,
                     *           "reviewer": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "reviewee": {
                     *             "id": 1,
                     *             "username": "sara",
                     *             "display_name": "Sara Ahmed",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *             "is_client": true,
                     *             "is_freelancer": true,
                     *             "rating": "4.90",
                     *             "reviews_count": 8
                     *           },
                     *           "role": "freelancer_to_client",
                     *           "rating": 5,
                     *           "comment": "Clear brief and quick payment.",
                     *           "created_at": "2026-01-30T12:00:00Z"
                     *         },
                     *         {
                     *           "id": 61,
                     *           "task_id": 31,
                     *           "reviewer": {
                     *             "id": 1,
                     *             "username": "sara",
                     *             "display_name": "Sara Ahmed",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *             "is_client": true,
                     *             "is_freelancer": true,
                     *             "rating": "4.90",
                     *             "reviews_count": 8
                     *           },
                     *           "reviewee": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "role": "client_to_freelancer",
                     *           "rating": 5,
                     *           "comment": "Fast, careful translation.",
                     *           "created_at": "2026-01-30T10:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedReviewList"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    saveTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task was already saved. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 901,
                     *       "task": {
                     *         "id": 56,
                     *         "title": "Python scraper for competitor prices",
                     *         "status": "open",
                     *         "budget": "350.00",
                     *         "currency": "usd",
                     *         "category": {
                     *           "id": 5,
                     *           "slug": "data-science",
                     *           "name": "Data Science & Analytics",
                     *           "description": "Data collection, analysis, machine learning and dashboards."
                     *         },
                     *         "client": {
                     *           "id": 3,
                     *           "username": "omar",
                     *           "display_name": "Omar Khalil",
                     *           "avatar_url": null,
                     *           "is_client": true,
                     *           "is_freelancer": false,
                     *           "rating": "4.70",
                     *           "reviews_count": 5
                     *         },
                     *         "deadline": "2036-03-15T00:00:00Z",
                     *         "created_at": "2026-02-09T14:20:00Z"
                     *       },
                     *       "saved_at": "2026-02-09T18:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["SavedTask"];
                };
            };
            /** @description The task is now saved. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 901,
                     *       "task": {
                     *         "id": 56,
                     *         "title": "Python scraper for competitor prices",
                     *         "status": "open",
                     *         "budget": "350.00",
                     *         "currency": "usd",
                     *         "category": {
                     *           "id": 5,
                     *           "slug": "data-science",
                     *           "name": "Data Science & Analytics",
                     *           "description": "Data collection, analysis, machine learning and dashboards."
                     *         },
                     *         "client": {
                     *           "id": 3,
                     *           "username": "omar",
                     *           "display_name": "Omar Khalil",
                     *           "avatar_url": null,
                     *           "is_client": true,
                     *           "is_freelancer": false,
                     *           "rating": "4.70",
                     *           "reviews_count": 5
                     *         },
                     *         "deadline": "2036-03-15T00:00:00Z",
                     *         "created_at": "2026-02-09T14:20:00Z"
                     *       },
                     *       "saved_at": "2026-02-09T18:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["SavedTask"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTaskSavedStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The saved status. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "task_id": 56,
                     *       "is_saved": true,
                     *       "saved_at": "2026-02-09T18:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["TaskSavedStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    acceptApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accepted application. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 308,
                     *       "task": {
                     *         "id": 42,
                     *         "title": "Integrate our CRM with a REST API",
                     *         "status": "in_progress",
                     *         "budget": "200.00",
                     *         "currency": "usd",
                     *         "category": {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         "client": {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         "deadline": "2036-03-01T00:00:00Z",
                     *         "created_at": "2026-02-08T09:15:00Z"
                     *       },
                     *       "freelancer": {
                     *         "id": 2,
                     *         "username": "freelancer_user",
                     *         "display_name": "Lina Haddad",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.80",
                     *         "reviews_count": 12
                     *       },
                     *       "proposal": "I can deliver in 3 days",
                     *       "bid_amount": "120.00",
                     *       "currency": "usd",
                     *       "status": "accepted",
                     *       "created_at": "2026-02-09T11:00:00Z",
                     *       "updated_at": "2026-02-10T09:00:00Z",
                     *       "decided_at": "2026-02-10T09:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rejectApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "reason": "We went with a bid closer to our budget."
                 *     }
                 */
                "application/json": components["schemas"]["RejectApplicationRequest"];
            };
        };
        responses: {
            /** @description The rejected application. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 309,
                     *       "task": {
                     *         "id": 42,
                     *         "title": "Integrate our CRM with a REST API",
                     *         "status": "open",
                     *         "budget": "200.00",
                     *         "currency": "usd",
                     *         "category": {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         "client": {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         "deadline": "2036-03-01T00:00:00Z",
                     *         "created_at": "2026-02-08T09:15:00Z"
                     *       },
                     *       "freelancer": {
                     *         "id": 4,
                     *         "username": "dev_maria",
                     *         "display_name": "Maria Lopez",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/4.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.60",
                     *         "reviews_count": 3
                     *       },
                     *       "proposal": "I have shipped four CRM integrations this year and can start tomorrow.",
                     *       "bid_amount": "180.00",
                     *       "currency": "usd",
                     *       "status": "rejected",
                     *       "created_at": "2026-02-09T13:30:00Z",
                     *       "updated_at": "2026-02-10T09:00:00Z",
                     *       "decided_at": "2026-02-10T09:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUserReviews: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only reviews the user received in this role. */
                role?: "as_client" | "as_freelancer";
            };
            header?: never;
            path: {
                /**
                 * @description Username (case-insensitive).
                 * @example sara
                 */
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reviews received. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 62,
                     *           "task_id": 31,
                     *           "reviewer": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "reviewee": {
                     *             "id": 1,
                     *             "username": "sara",
                     *             "display_name": "Sara Ahmed",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *             "is_client": true,
                     *             "is_freelancer": true,
                     *             "rating": "4.90",
                     *             "reviews_count": 8
                     *           },
                     *           "role": "freelancer_to_client",
                     *           "rating": 5,
                     *           "comment": "Clear brief and quick payment.",
                     *           "created_at": "2026-01-30T12:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedReviewList"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listConversations: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only conversations about this task id. */
                task?: number;
                /** @description Only conversations with (`true`) or without (`false`) unread messages. */
                unread?: boolean;
                /** @description Matches the other participant's username or display name. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 99,
                     *           "participants": [
                     *             {
                     *               "id": 1,
                     *               "username": "sara",
                     *               "display_name": "Sara Ahmed",
                     *               "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *               "is_client": true,
                     *               "is_freelancer": true,
                     *               "rating": "4.90",
                     *               "reviews_count": 8
                     *             },
                     *             {
                     *               "id": 2,
                     *               "username": "freelancer_user",
                     *               "display_name": "Lina Haddad",
                     *               "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *               "is_client": false,
                     *               "is_freelancer": true,
                     *               "rating": "4.80",
                     *               "reviews_count": 12
                     *             }
                     *           ],
                     *           "other_participant": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "task": {
                     *             "id": 42,
                     *             "title": "Integrate our CRM with a REST API",
                     *             "status": "open",
                     *             "budget": "200.00",
                     *             "currency": "usd",
                     *             "category": {
                     *               "id": 3,
                     *               "slug": "web-development",
                     *               "name": "Web Development",
                     *               "description": "Websites, web applications, APIs and integrations."
                     *             },
                     *             "client": {
                     *               "id": 1,
                     *               "username": "sara",
                     *               "display_name": "Sara Ahmed",
                     *               "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *               "is_client": true,
                     *               "is_freelancer": true,
                     *               "rating": "4.90",
                     *               "reviews_count": 8
                     *             },
                     *             "deadline": "2036-03-01T00:00:00Z",
                     *             "created_at": "2026-02-08T09:15:00Z"
                     *           },
                     *           "last_message": {
                     *             "id": 771,
                     *             "conversation_id": 99,
                     *             "sender": {
                     *               "id": 2,
                     *               "username": "freelancer_user",
                     *               "display_name": "Lina Haddad",
                     *               "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *               "is_client": false,
                     *               "is_freelancer": true,
                     *               "rating": "4.80",
                     *               "reviews_count": 12
                     *             },
                     *             "content": "Draft uploaded. Please review.",
                     *             "is_read": false,
                     *             "read_at": null,
                     *             "created_at": "2026-02-10T16:32:00Z"
                     *           },
                     *           "unread_count": 1,
                     *           "created_at": "2026-02-09T12:00:00Z",
                     *           "updated_at": "2026-02-10T16:32:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedConversationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createConversation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "participant": "freelancer_user",
                 *       "task_id": 42,
                 *       "message": "Hi Lina, thanks for your bid. Could you share a similar project?"
                 *     }
                 */
                "application/json": components["schemas"]["CreateConversationRequest"];
            };
        };
        responses: {
            /** @description The conversation already existed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 99,
                     *       "participants": [
                     *         {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         {
                     *           "id": 2,
                     *           "username": "freelancer_user",
                     *           "display_name": "Lina Haddad",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *           "is_client": false,
                     *           "is_freelancer": true,
                     *           "rating": "4.80",
                     *           "reviews_count": 12
                     *         }
                     *       ],
                     *       "other_participant": {
                     *         "id": 2,
                     *         "username": "freelancer_user",
                     *         "display_name": "Lina Haddad",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.80",
                     *         "reviews_count": 12
                     *       },
                     *       "task": {
                     *         "id": 42,
                     *         "title": "Integrate our CRM with a REST API",
                     *         "status": "open",
                     *         "budget": "200.00",
                     *         "currency": "usd",
                     *         "category": {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         "client": {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         "deadline": "2036-03-01T00:00:00Z",
                     *         "created_at": "2026-02-08T09:15:00Z"
                     *       },
                     *       "last_message": {
                     *         "id": 771,
                     *         "conversation_id": 99,
                     *         "sender": {
                     *           "id": 2,
                     *           "username": "freelancer_user",
                     *           "display_name": "Lina Haddad",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *           "is_client": false,
                     *           "is_freelancer": true,
                     *           "rating": "4.80",
                     *           "reviews_count": 12
                     *         },
                     *         "content": "Draft uploaded. Please review.",
                     *         "is_read": false,
                     *         "read_at": null,
                     *         "created_at": "2026-02-10T16:32:00Z"
                     *       },
                     *       "unread_count": 1,
                     *       "created_at": "2026-02-09T12:00:00Z",
                     *       "updated_at": "2026-02-10T16:32:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            /** @description The new conversation. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 99,
                     *       "participants": [
                     *         {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         {
                     *           "id": 2,
                     *           "username": "freelancer_user",
                     *           "display_name": "Lina Haddad",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *           "is_client": false,
                     *           "is_freelancer": true,
                     *           "rating": "4.80",
                     *           "reviews_count": 12
                     *         }
                     *       ],
                     *       "other_participant": {
                     *         "id": 2,
                     *         "username": "freelancer_user",
                     *         "display_name": "Lina Haddad",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.80",
                     *         "reviews_count": 12
                     *       },
                     *       "task": {
                     *         "id": 42,
                     *         "title": "Integrate our CRM with a REST API",
                     *         "status": "open",
                     *         "budget": "200.00",
                     *         "currency": "usd",
                     *         "category": {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         "client": {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         "deadline": "2036-03-01T00:00:00Z",
                     *         "created_at": "2026-02-08T09:15:00Z"
                     *       },
                     *       "last_message": {
                     *         "id": 771,
                     *         "conversation_id": 99,
                     *         "sender": {
                     *           "id": 2,
                     *           "username": "freelancer_user",
                     *           "display_name": "Lina Haddad",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *           "is_client": false,
                     *           "is_freelancer": true,
                     *           "rating": "4.80",
                     *           "reviews_count": 12
                     *         },
                     *         "content": "Draft uploaded. Please review.",
                     *         "is_read": false,
                     *         "read_at": null,
                     *         "created_at": "2026-02-10T16:32:00Z"
                     *       },
                     *       "unread_count": 1,
                     *       "created_at": "2026-02-09T12:00:00Z",
                     *       "updated_at": "2026-02-10T16:32:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 99,
                     *       "participants": [
                     *         {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         {
                     *           "id": 2,
                     *           "username": "freelancer_user",
                     *           "display_name": "Lina Haddad",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *           "is_client": false,
                     *           "is_freelancer": true,
                     *           "rating": "4.80",
                     *           "reviews_count": 12
                     *         }
                     *       ],
                     *       "other_participant": {
                     *         "id": 2,
                     *         "username": "freelancer_user",
                     *         "display_name": "Lina Haddad",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.80",
                     *         "reviews_count": 12
                     *       },
                     *       "task": {
                     *         "id": 42,
                     *         "title": "Integrate our CRM with a REST API",
                     *         "status": "open",
                     *         "budget": "200.00",
                     *         "currency": "usd",
                     *         "category": {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         "client": {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         "deadline": "2036-03-01T00:00:00Z",
                     *         "created_at": "2026-02-08T09:15:00Z"
                     *       },
                     *       "last_message": {
                     *         "id": 771,
                     *         "conversation_id": 99,
                     *         "sender": {
                     *           "id": 2,
                     *           "username": "freelancer_user",
                     *           "display_name": "Lina Haddad",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *           "is_client": false,
                     *           "is_freelancer": true,
                     *           "rating": "4.80",
                     *           "reviews_count": 12
                     *         },
                     *         "content": "Draft uploaded. Please review.",
                     *         "is_read": false,
                     *         "read_at": null,
                     *         "created_at": "2026-02-10T16:32:00Z"
                     *       },
                     *       "unread_count": 1,
                     *       "created_at": "2026-02-09T12:00:00Z",
                     *       "updated_at": "2026-02-10T16:32:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only messages created strictly after this RFC 3339 time. */
                since?: string;
                /** @description Only messages up to this message id (inclusive); set by the `next` and `previous` links. */
                until_id?: number;
            };
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 2,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 771,
                     *           "conversation_id": 99,
                     *           "sender": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "content": "Draft uploaded. Please review.",
                     *           "is_read": false,
                     *           "read_at": null,
                     *           "created_at": "2026-02-10T16:32:00Z"
                     *         },
                     *         {
                     *           "id": 770,
                     *           "conversation_id": 99,
                     *           "sender": {
                     *             "id": 1,
                     *             "username": "sara",
                     *             "display_name": "Sara Ahmed",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *             "is_client": true,
                     *             "is_freelancer": true,
                     *             "rating": "4.90",
                     *             "reviews_count": 8
                     *           },
                     *           "content": "Any update on the draft?",
                     *           "is_read": true,
                     *           "read_at": "2026-02-10T15:20:00Z",
                     *           "created_at": "2026-02-10T15:05:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedMessageList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "content": "Draft uploaded. Please review."
                 *     }
                 */
                "application/json": components["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description The message was sent. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message_id": 771,
                     *       "conversation_id": 99,
                     *       "sender": "freelancer_user",
                     *       "content": "Draft uploaded. Please review.",
                     *       "created_at": "2026-02-10T16:32:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["SentMessage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    markConversationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many messages changed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "conversation_id": 99,
                     *       "marked_read": 1,
                     *       "unread_count": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ConversationReadReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMessagingStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's messaging statistics. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total_conversations": 3,
                     *       "total_messages_sent": 24,
                     *       "total_messages_received": 31,
                     *       "unread_messages": 1,
                     *       "unread_conversations": 1
                     *     }
                     */
                    "application/json": components["schemas"]["MessagingStatistics"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createConnectAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "country": "LB",
                 *       "business_type": "individual"
                 *     }
                 */
                "application/json": components["schemas"]["CreateConnectAccountRequest"];
            };
        };
        responses: {
            /** @description The account was created; onboarding is pending. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "account_id": "acct_1QdemoLina",
                     *       "status": "pending",
                     *       "charges_enabled": false,
                     *       "payouts_enabled": false,
                     *       "details_submitted": false,
                     *       "requirements_due": [
                     *         "external_account",
                     *         "individual.verification.document"
                     *       ],
                     *       "country": "LB"
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectAccount"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createOnboardingLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "return_url": "https://app.taskmarket.example/settings/payouts?onboarding=done",
                 *       "refresh_url": "https://app.taskmarket.example/settings/payouts?onboarding=retry"
                 *     }
                 */
                "application/json": components["schemas"]["CreateOnboardingLinkRequest"];
            };
        };
        responses: {
            /** @description The onboarding link. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://connect.stripe.com/setup/e/acct_1QdemoLina/Xy7pQ2",
                     *       "expires_at": "2026-02-10T16:37:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["OnboardingLink"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getConnectStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Connect account status. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "account_id": "acct_1QdemoLina",
                     *       "status": "active",
                     *       "charges_enabled": true,
                     *       "payouts_enabled": true,
                     *       "details_submitted": true,
                     *       "requirements_due": [],
                     *       "country": "LB"
                     *     }
                     */
                    "application/json": components["schemas"]["ConnectAccount"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPaymentIntent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a money-moving request safe to retry, as on Stripe's API: send a fresh unique value
                 *     (a UUID) with each new request and the same value when retrying it. Within 24 hours, a retry
                 *     with the same key and the same body answers what the first request answered (status and
                 *     body, with `Idempotent-Replayed: true`) without doing anything again; the same key with another body is `409
                 *     idempotency_key_reused`. A request that failed on our side or at Stripe (`5xx`) is not
                 *     remembered, so its retry runs again and completes it.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "task_id": 42,
                 *       "amount": "200.00",
                 *       "currency": "usd"
                 *     }
                 */
                "application/json": components["schemas"]["CreatePaymentIntentRequest"];
            };
        };
        responses: {
            /** @description The PaymentIntent to confirm with Stripe.js. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "intent_id": "pi_3QdemoEscrow42",
                     *       "client_secret": "pi_3QdemoEscrow42_secret_Fk29dLw",
                     *       "status": "requires_payment_method",
                     *       "escrow_id": 12,
                     *       "amount": "200.00",
                     *       "currency": "usd"
                     *     }
                     */
                    "application/json": components["schemas"]["PaymentIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getEscrow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The escrow. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 12,
                     *       "task": {
                     *         "id": 42,
                     *         "title": "Integrate our CRM with a REST API",
                     *         "status": "in_progress",
                     *         "budget": "200.00",
                     *         "currency": "usd",
                     *         "category": {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         "client": {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         "deadline": "2036-03-01T00:00:00Z",
                     *         "created_at": "2026-02-08T09:15:00Z"
                     *       },
                     *       "client": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "display_name": "Sara Ahmed",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8
                     *       },
                     *       "freelancer": {
                     *         "id": 2,
                     *         "username": "freelancer_user",
                     *         "display_name": "Lina Haddad",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.80",
                     *         "reviews_count": 12
                     *       },
                     *       "amount": "200.00",
                     *       "platform_fee": null,
                     *       "freelancer_amount": null,
                     *       "currency": "usd",
                     *       "status": "funded",
                     *       "payment_intent_id": "pi_3QdemoEscrow42",
                     *       "created_at": "2026-02-10T09:05:00Z",
                     *       "funded_at": "2026-02-10T09:06:00Z",
                     *       "released_at": null,
                     *       "refunded_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Escrow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    releaseEscrow: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a money-moving request safe to retry, as on Stripe's API: send a fresh unique value
                 *     (a UUID) with each new request and the same value when retrying it. Within 24 hours, a retry
                 *     with the same key and the same body answers what the first request answered (status and
                 *     body, with `Idempotent-Replayed: true`) without doing anything again; the same key with another body is `409
                 *     idempotency_key_reused`. A request that failed on our side or at Stripe (`5xx`) is not
                 *     remembered, so its retry runs again and completes it.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The released escrow. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 12,
                     *       "task": {
                     *         "id": 42,
                     *         "title": "Integrate our CRM with a REST API",
                     *         "status": "completed",
                     *         "budget": "200.00",
                     *         "currency": "usd",
                     *         "category": {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         "client": {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         "deadline": "2036-03-01T00:00:00Z",
                     *         "created_at": "2026-02-08T09:15:00Z"
                     *       },
                     *       "client": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "display_name": "Sara Ahmed",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8
                     *       },
                     *       "freelancer": {
                     *         "id": 2,
                     *         "username": "freelancer_user",
                     *         "display_name": "Lina Haddad",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.80",
                     *         "reviews_count": 12
                     *       },
                     *       "amount": "200.00",
                     *       "platform_fee": "20.00",
                     *       "freelancer_amount": "180.00",
                     *       "currency": "usd",
                     *       "status": "released",
                     *       "payment_intent_id": "pi_3QdemoEscrow42",
                     *       "created_at": "2026-02-10T09:05:00Z",
                     *       "funded_at": "2026-02-10T09:06:00Z",
                     *       "released_at": "2026-02-21T10:00:00Z",
                     *       "refunded_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Escrow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    refundEscrow: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a money-moving request safe to retry, as on Stripe's API: send a fresh unique value
                 *     (a UUID) with each new request and the same value when retrying it. Within 24 hours, a retry
                 *     with the same key and the same body answers what the first request answered (status and
                 *     body, with `Idempotent-Replayed: true`) without doing anything again; the same key with another body is `409
                 *     idempotency_key_reused`. A request that failed on our side or at Stripe (`5xx`) is not
                 *     remembered, so its retry runs again and completes it.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "reason": "task_cancelled"
                 *     }
                 */
                "application/json": components["schemas"]["RefundEscrowRequest"];
            };
        };
        responses: {
            /** @description The refunded escrow. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 12,
                     *       "task": {
                     *         "id": 42,
                     *         "title": "Integrate our CRM with a REST API",
                     *         "status": "in_progress",
                     *         "budget": "200.00",
                     *         "currency": "usd",
                     *         "category": {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         "client": {
                     *           "id": 1,
                     *           "username": "sara",
                     *           "display_name": "Sara Ahmed",
                     *           "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *           "is_client": true,
                     *           "is_freelancer": true,
                     *           "rating": "4.90",
                     *           "reviews_count": 8
                     *         },
                     *         "deadline": "2036-03-01T00:00:00Z",
                     *         "created_at": "2026-02-08T09:15:00Z"
                     *       },
                     *       "client": {
                     *         "id": 1,
                     *         "username": "sara",
                     *         "display_name": "Sara Ahmed",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
                     *         "is_client": true,
                     *         "is_freelancer": true,
                     *         "rating": "4.90",
                     *         "reviews_count": 8
                     *       },
                     *       "freelancer": {
                     *         "id": 2,
                     *         "username": "freelancer_user",
                     *         "display_name": "Lina Haddad",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.80",
                     *         "reviews_count": 12
                     *       },
                     *       "amount": "200.00",
                     *       "platform_fee": null,
                     *       "freelancer_amount": null,
                     *       "currency": "usd",
                     *       "status": "refunded",
                     *       "payment_intent_id": "pi_3QdemoEscrow42",
                     *       "created_at": "2026-02-10T09:05:00Z",
                     *       "funded_at": "2026-02-10T09:06:00Z",
                     *       "released_at": null,
                     *       "refunded_at": "2026-02-11T08:30:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Escrow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getWallet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's wallet. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "balance": "80.00",
                     *       "pending_balance": "0.00",
                     *       "currency": "usd",
                     *       "total_earned": "130.00",
                     *       "total_withdrawn": "50.00",
                     *       "updated_at": "2026-02-02T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Wallet"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWalletTransactions: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only entries of this type. */
                type?: components["schemas"]["WalletTransactionType"];
                /** @description Only entries created at or after this time. */
                created_after?: string;
                /** @description Only entries created at or before this time. */
                created_before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of ledger entries. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 3,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 1003,
                     *           "type": "withdrawal",
                     *           "amount": "-50.00",
                     *           "currency": "usd",
                     *           "balance_after": "80.00",
                     *           "description": "Withdrawal 5",
                     *           "escrow_id": null,
                     *           "withdrawal_id": 5,
                     *           "created_at": "2026-02-02T10:00:00Z"
                     *         },
                     *         {
                     *           "id": 1002,
                     *           "type": "platform_fee",
                     *           "amount": "-8.00",
                     *           "currency": "usd",
                     *           "balance_after": "130.00",
                     *           "description": "Platform fee (10%) for task 31",
                     *           "escrow_id": 9,
                     *           "withdrawal_id": null,
                     *           "created_at": "2026-01-30T09:00:00Z"
                     *         },
                     *         {
                     *           "id": 1001,
                     *           "type": "escrow_release",
                     *           "amount": "80.00",
                     *           "currency": "usd",
                     *           "balance_after": "138.00",
                     *           "description": "Payment for task 31: Translate onboarding emails to Arabic",
                     *           "escrow_id": 9,
                     *           "withdrawal_id": null,
                     *           "created_at": "2026-01-30T09:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedWalletTransactionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWithdrawals: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only withdrawals in this status. */
                status?: components["schemas"]["WithdrawalStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of withdrawals. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 5,
                     *           "amount": "50.00",
                     *           "currency": "usd",
                     *           "status": "paid",
                     *           "stripe_payout_id": "po_1QdemoPayout5",
                     *           "failure_reason": null,
                     *           "created_at": "2026-02-02T10:00:00Z",
                     *           "processed_at": "2026-02-04T08:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedWithdrawalList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createWithdrawal: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a money-moving request safe to retry, as on Stripe's API: send a fresh unique value
                 *     (a UUID) with each new request and the same value when retrying it. Within 24 hours, a retry
                 *     with the same key and the same body answers what the first request answered (status and
                 *     body, with `Idempotent-Replayed: true`) without doing anything again; the same key with another body is `409
                 *     idempotency_key_reused`. A request that failed on our side or at Stripe (`5xx`) is not
                 *     remembered, so its retry runs again and completes it.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "amount": "50.00",
                 *       "currency": "usd"
                 *     }
                 */
                "application/json": components["schemas"]["CreateWithdrawalRequest"];
            };
        };
        responses: {
            /** @description The withdrawal, pending. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 5,
                     *       "amount": "50.00",
                     *       "currency": "usd",
                     *       "status": "pending",
                     *       "stripe_payout_id": null,
                     *       "failure_reason": null,
                     *       "created_at": "2026-02-02T10:00:00Z",
                     *       "processed_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Withdrawal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPaymentMethods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's payment methods. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "id": 3,
                     *           "stripe_payment_method_id": "pm_1QdemoVisa4242",
                     *           "type": "card",
                     *           "brand": "visa",
                     *           "last4": "4242",
                     *           "exp_month": 12,
                     *           "exp_year": 2028,
                     *           "is_default": true,
                     *           "created_at": "2026-01-06T09:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaymentMethodList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPaymentMethod: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a money-moving request safe to retry, as on Stripe's API: send a fresh unique value
                 *     (a UUID) with each new request and the same value when retrying it. Within 24 hours, a retry
                 *     with the same key and the same body answers what the first request answered (status and
                 *     body, with `Idempotent-Replayed: true`) without doing anything again; the same key with another body is `409
                 *     idempotency_key_reused`. A request that failed on our side or at Stripe (`5xx`) is not
                 *     remembered, so its retry runs again and completes it.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "payment_method_id": "pm_1QdemoVisa4242",
                 *       "set_default": true
                 *     }
                 */
                "application/json": components["schemas"]["CreatePaymentMethodRequest"];
            };
        };
        responses: {
            /** @description The saved payment method. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 3,
                     *       "stripe_payment_method_id": "pm_1QdemoVisa4242",
                     *       "type": "card",
                     *       "brand": "visa",
                     *       "last4": "4242",
                     *       "exp_month": 12,
                     *       "exp_year": 2028,
                     *       "is_default": true,
                     *       "created_at": "2026-01-06T09:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["PaymentMethod"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deletePaymentMethod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment method is removed. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setDefaultPaymentMethod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new default payment method. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 3,
                     *       "stripe_payment_method_id": "pm_1QdemoVisa4242",
                     *       "type": "card",
                     *       "brand": "visa",
                     *       "last4": "4242",
                     *       "exp_month": 12,
                     *       "exp_year": 2028,
                     *       "is_default": true,
                     *       "created_at": "2026-01-06T09:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["PaymentMethod"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    handleStripeWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description Stripe's signature of the raw body (`t=<timestamp>,v1=<hmac>`). */
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "evt_1QdemoFunded42",
                 *       "type": "payment_intent.succeeded",
                 *       "created": 1770716760,
                 *       "livemode": false,
                 *       "data": {
                 *         "object": {
                 *           "id": "pi_3QdemoEscrow42",
                 *           "object": "payment_intent",
                 *           "amount": 20000,
                 *           "currency": "usd",
                 *           "status": "succeeded"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StripeEvent"];
            };
        };
        responses: {
            /** @description The event was received (processed now or before, or ignored). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "received": true
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRecommendedTasks: {
        parameters: {
            query?: {
                /** @description How many tasks at most. */
                limit?: number;
                /** @description Only tasks of this category id. */
                category?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recommended tasks, best first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "task_id": 56,
                     *           "match_score": 0.91,
                     *           "reason": "Python + API integration history",
                     *           "matched_skills": [
                     *             "python"
                     *           ],
                     *           "task": {
                     *             "id": 56,
                     *             "title": "Python scraper for competitor prices",
                     *             "status": "open",
                     *             "budget": "350.00",
                     *             "currency": "usd",
                     *             "category": {
                     *               "id": 5,
                     *               "slug": "data-science",
                     *               "name": "Data Science & Analytics",
                     *               "description": "Data collection, analysis, machine learning and dashboards."
                     *             },
                     *             "client": {
                     *               "id": 3,
                     *               "username": "omar",
                     *               "display_name": "Omar Khalil",
                     *               "avatar_url": null,
                     *               "is_client": true,
                     *               "is_freelancer": false,
                     *               "rating": "4.70",
                     *               "reviews_count": 5
                     *             },
                     *             "deadline": "2036-03-15T00:00:00Z",
                     *             "created_at": "2026-02-09T14:20:00Z"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RecommendedTaskList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRecommendedFreelancers: {
        parameters: {
            query?: {
                /** @description Only freelancers experienced in this category id. */
                category?: number;
                /** @description Comma-separated skill slugs to match. */
                skills?: string;
                /** @description How many freelancers at most. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recommended freelancers, best first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "freelancer": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "match_score": 0.88,
                     *           "reason": "Python and REST APIs, 14 completed tasks, rated 4.80",
                     *           "matched_skills": [
                     *             "python",
                     *             "rest-apis"
                     *           ],
                     *           "has_applied": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RecommendedFreelancerList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listFreelancersForTask: {
        parameters: {
            query?: {
                /** @description How many freelancers at most. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Id of the task to find freelancers for. */
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recommended freelancers, best first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "freelancer": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "match_score": 0.88,
                     *           "reason": "Python and REST APIs, 14 completed tasks, rated 4.80",
                     *           "matched_skills": [
                     *             "python",
                     *             "rest-apis"
                     *           ],
                     *           "has_applied": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RecommendedFreelancerList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRecommendationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's preferences. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "preferred_categories": [
                     *         {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         {
                     *           "id": 5,
                     *           "slug": "data-science",
                     *           "name": "Data Science & Analytics",
                     *           "description": "Data collection, analysis, machine learning and dashboards."
                     *         }
                     *       ],
                     *       "preferred_skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "min_budget": "100.00",
                     *       "max_budget": null,
                     *       "currency": "usd",
                     *       "remote_only": true,
                     *       "email_digest": "weekly",
                     *       "updated_at": "2026-02-01T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["RecommendationPreferences"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateRecommendationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "preferred_categories": [
                 *         3,
                 *         5
                 *       ],
                 *       "preferred_skills": [
                 *         11,
                 *         17
                 *       ],
                 *       "min_budget": "100.00",
                 *       "max_budget": null,
                 *       "currency": "usd",
                 *       "remote_only": true,
                 *       "email_digest": "weekly"
                 *     }
                 */
                "application/json": components["schemas"]["RecommendationPreferencesRequest"];
            };
        };
        responses: {
            /** @description The updated preferences. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "preferred_categories": [
                     *         {
                     *           "id": 3,
                     *           "slug": "web-development",
                     *           "name": "Web Development",
                     *           "description": "Websites, web applications, APIs and integrations."
                     *         },
                     *         {
                     *           "id": 5,
                     *           "slug": "data-science",
                     *           "name": "Data Science & Analytics",
                     *           "description": "Data collection, analysis, machine learning and dashboards."
                     *         }
                     *       ],
                     *       "preferred_skills": [
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         }
                     *       ],
                     *       "min_budget": "100.00",
                     *       "max_budget": null,
                     *       "currency": "usd",
                     *       "remote_only": true,
                     *       "email_digest": "weekly",
                     *       "updated_at": "2026-02-01T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["RecommendationPreferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    completeOnboarding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "freelancer",
                 *       "categories": [
                 *         3,
                 *         5
                 *       ],
                 *       "skills": [
                 *         11,
                 *         17
                 *       ],
                 *       "experience_level": "expert",
                 *       "hourly_rate": "40.00",
                 *       "currency": "usd",
                 *       "bio": "Integration engineer and Arabic translator."
                 *     }
                 */
                "application/json": components["schemas"]["OnboardingRequest"];
            };
        };
        responses: {
            /** @description The onboarding status after this step. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "completed": true,
                     *       "completed_at": "2026-01-07T12:10:00Z",
                     *       "steps": {
                     *         "profile": true,
                     *         "skills": true,
                     *         "preferences": true,
                     *         "payments": false
                     *       },
                     *       "next_step": "payments"
                     *     }
                     */
                    "application/json": components["schemas"]["OnboardingStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOnboardingStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's onboarding status. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "completed": true,
                     *       "completed_at": "2026-01-07T12:10:00Z",
                     *       "steps": {
                     *         "profile": true,
                     *         "skills": true,
                     *         "preferences": true,
                     *         "payments": false
                     *       },
                     *       "next_step": "payments"
                     *     }
                     */
                    "application/json": components["schemas"]["OnboardingStatus"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listServiceOfferings: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only offerings of this category id. */
                category?: number;
                /** @description Only offerings with this skill slug. */
                skill?: string;
                /** @description Only offerings of this username. */
                freelancer?: string;
                /** @description Lowest starting price, inclusive. */
                min_price?: components["schemas"]["Money"];
                /** @description Highest starting price, inclusive. */
                max_price?: components["schemas"]["Money"];
                /** @description Matches title and description. */
                search?: string;
                /** @description Sort order. */
                ordering?: "-created_at" | "price" | "-price" | "-rating";
            };
            header?: {
                /** @description The `ETag` of a copy the caller holds; while it still matches, the answer is `304` with no body. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of service offerings. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlPublic"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 21,
                     *           "freelancer": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "title": "REST API integrations",
                     *           "description": "I connect your CRM, billing and internal tools through their REST APIs.",
                     *           "category": {
                     *             "id": 3,
                     *             "slug": "web-development",
                     *             "name": "Web Development",
                     *             "description": "Websites, web applications, APIs and integrations."
                     *           },
                     *           "skills": [
                     *             {
                     *               "id": 11,
                     *               "slug": "python",
                     *               "name": "Python",
                     *               "category_id": 5
                     *             },
                     *             {
                     *               "id": 17,
                     *               "slug": "rest-apis",
                     *               "name": "REST APIs",
                     *               "category_id": 3
                     *             }
                     *           ],
                     *           "price_from": "150.00",
                     *           "currency": "usd",
                     *           "delivery_days": 5,
                     *           "created_at": "2026-01-10T09:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedServiceOfferingList"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listSkills: {
        parameters: {
            query?: {
                /** @description Only skills of this category id. */
                category?: number;
                /** @description Matches name or slug. */
                search?: string;
            };
            header?: {
                /** @description The `ETag` of a copy the caller holds; while it still matches, the answer is `304` with no body. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching skills. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlPublic"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "id": 18,
                     *           "slug": "django",
                     *           "name": "Django",
                     *           "category_id": 3
                     *         },
                     *         {
                     *           "id": 16,
                     *           "slug": "copywriting",
                     *           "name": "Copywriting",
                     *           "category_id": 2
                     *         },
                     *         {
                     *           "id": 15,
                     *           "slug": "figma",
                     *           "name": "Figma",
                     *           "category_id": 1
                     *         },
                     *         {
                     *           "id": 14,
                     *           "slug": "postgresql",
                     *           "name": "PostgreSQL",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         },
                     *         {
                     *           "id": 13,
                     *           "slug": "react",
                     *           "name": "React",
                     *           "category_id": 3
                     *         },
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         },
                     *         {
                     *           "id": 12,
                     *           "slug": "typescript",
                     *           "name": "TypeScript",
                     *           "category_id": 3
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SkillList"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMySkills: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's skills. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "skill": {
                     *             "id": 11,
                     *             "slug": "python",
                     *             "name": "Python",
                     *             "category_id": 5
                     *           },
                     *           "level": "expert",
                     *           "years_experience": 6
                     *         },
                     *         {
                     *           "skill": {
                     *             "id": 17,
                     *             "slug": "rest-apis",
                     *             "name": "REST APIs",
                     *             "category_id": 3
                     *           },
                     *           "level": "expert",
                     *           "years_experience": 5
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["MySkillList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateMySkills: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "skills": [
                 *         {
                 *           "skill_id": 11,
                 *           "level": "expert",
                 *           "years_experience": 6
                 *         },
                 *         {
                 *           "skill_id": 17,
                 *           "level": "expert",
                 *           "years_experience": 5
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["UpdateMySkillsRequest"];
            };
        };
        responses: {
            /** @description The caller's new skills. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "skill": {
                     *             "id": 11,
                     *             "slug": "python",
                     *             "name": "Python",
                     *             "category_id": 5
                     *           },
                     *           "level": "expert",
                     *           "years_experience": 6
                     *         },
                     *         {
                     *           "skill": {
                     *             "id": 17,
                     *             "slug": "rest-apis",
                     *             "name": "REST APIs",
                     *             "category_id": 3
                     *           },
                     *           "level": "expert",
                     *           "years_experience": 5
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["MySkillList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRecommendationCategories: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of a copy the caller holds; while it still matches, the answer is `304` with no body. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every category with its figures. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    ETag: components["headers"]["ETag"];
                    "Cache-Control": components["headers"]["CacheControlPublic"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "category": {
                     *             "id": 3,
                     *             "slug": "web-development",
                     *             "name": "Web Development",
                     *             "description": "Websites, web applications, APIs and integrations."
                     *           },
                     *           "open_tasks": 1,
                     *           "freelancers": 2,
                     *           "popular_skills": [
                     *             {
                     *               "id": 17,
                     *               "slug": "rest-apis",
                     *               "name": "REST APIs",
                     *               "category_id": 3
                     *             },
                     *             {
                     *               "id": 13,
                     *               "slug": "react",
                     *               "name": "React",
                     *               "category_id": 3
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "category": {
                     *             "id": 5,
                     *             "slug": "data-science",
                     *             "name": "Data Science & Analytics",
                     *             "description": "Data collection, analysis, machine learning and dashboards."
                     *           },
                     *           "open_tasks": 1,
                     *           "freelancers": 1,
                     *           "popular_skills": [
                     *             {
                     *               "id": 11,
                     *               "slug": "python",
                     *               "name": "Python",
                     *               "category_id": 5
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CategoryOverviewList"];
                };
            };
            304: components["responses"]["NotModified"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    chatWithAssistant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "message": "I need someone to connect our CRM to Stripe"
                 *     }
                 */
                "application/json": components["schemas"]["ChatRequest"];
            };
        };
        responses: {
            /** @description The assistant's reply. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "session_id": 17,
                     *       "user_message": {
                     *         "id": 201,
                     *         "session_id": 17,
                     *         "role": "user",
                     *         "content": "I need someone to connect our CRM to Stripe",
                     *         "rating": null,
                     *         "created_at": "2026-02-12T10:00:00Z"
                     *       },
                     *       "reply": {
                     *         "id": 202,
                     *         "session_id": 17,
                     *         "role": "assistant",
                     *         "content": "Happy to help you write this up. Which CRM do you use, and what should sync with Stripe: customers, invoices or both?",
                     *         "rating": null,
                     *         "created_at": "2026-02-12T10:00:03Z"
                     *       },
                     *       "session_status": "active",
                     *       "task_draft_ready": false
                     *     }
                     */
                    "application/json": components["schemas"]["ChatResponse"];
                    /**
                     * @example event: user_message
                     *     data: {"id":201,"session_id":17,"role":"user","content":"I need someone to connect our CRM to Stripe","rating":null,"created_at":"2026-02-12T10:00:00Z"}
                     *
                     *     event: delta
                     *     data: {"content":"Happy to help you write this up. "}
                     *
                     *     event: delta
                     *     data: {"content":"Which CRM do you use?"}
                     *
                     *     event: done
                     *     data: {"session_id":17,"user_message":{"id":201,"session_id":17,"role":"user","content":"I need someone to connect our CRM to Stripe","rating":null,"created_at":"2026-02-12T10:00:00Z"},"reply":{"id":202,"session_id":17,"role":"assistant","content":"Happy to help you write this up. Which CRM do you use?","rating":null,"created_at":"2026-02-12T10:00:03Z"},"session_status":"active","task_draft_ready":false}
                     */
                    "text/event-stream": components["schemas"]["ChatEventStream"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["AssistantError"];
            503: components["responses"]["AssistantUnavailable"];
        };
    };
    listChatSessions: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only sessions in this status. */
                status?: components["schemas"]["ChatSessionStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sessions. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 17,
                     *           "title": "CRM to Stripe integration",
                     *           "status": "active",
                     *           "messages_count": 2,
                     *           "last_message_at": "2026-02-12T10:00:03Z",
                     *           "created_at": "2026-02-12T10:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedChatSessionSummaryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getChatSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 17,
                     *       "title": "CRM to Stripe integration",
                     *       "status": "active",
                     *       "messages": [
                     *         {
                     *           "id": 201,
                     *           "session_id": 17,
                     *           "role": "user",
                     *           "content": "I need someone to connect our CRM to Stripe",
                     *           "rating": null,
                     *           "created_at": "2026-02-12T10:00:00Z"
                     *         },
                     *         {
                     *           "id": 202,
                     *           "session_id": 17,
                     *           "role": "assistant",
                     *           "content": "Happy to help you write this up. Which CRM do you use, and what should sync with Stripe: customers, invoices or both?",
                     *           "rating": null,
                     *           "created_at": "2026-02-12T10:00:03Z"
                     *         }
                     *       ],
                     *       "task_draft": null,
                     *       "created_at": "2026-02-12T10:00:00Z",
                     *       "ended_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["ChatSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    endChatSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ended session. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 17,
                     *       "title": "CRM to Stripe integration",
                     *       "status": "ended",
                     *       "messages": [
                     *         {
                     *           "id": 201,
                     *           "session_id": 17,
                     *           "role": "user",
                     *           "content": "I need someone to connect our CRM to Stripe",
                     *           "rating": null,
                     *           "created_at": "2026-02-12T10:00:00Z"
                     *         },
                     *         {
                     *           "id": 202,
                     *           "session_id": 17,
                     *           "role": "assistant",
                     *           "content": "Happy to help you write this up. Which CRM do you use, and what should sync with Stripe: customers, invoices or both?",
                     *           "rating": null,
                     *           "created_at": "2026-02-12T10:00:03Z"
                     *         }
                     *       ],
                     *       "task_draft": null,
                     *       "created_at": "2026-02-12T10:00:00Z",
                     *       "ended_at": "2026-02-12T10:20:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ChatSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    extractTaskFromChatSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task draft. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "title": "Connect our CRM to Stripe",
                     *       "description": "Sync customers and invoices between our HubSpot CRM and Stripe in both directions.",
                     *       "category": {
                     *         "id": 3,
                     *         "slug": "web-development",
                     *         "name": "Web Development",
                     *         "description": "Websites, web applications, APIs and integrations."
                     *       },
                     *       "skills": [
                     *         {
                     *           "id": 17,
                     *           "slug": "rest-apis",
                     *           "name": "REST APIs",
                     *           "category_id": 3
                     *         },
                     *         {
                     *           "id": 11,
                     *           "slug": "python",
                     *           "name": "Python",
                     *           "category_id": 5
                     *         }
                     *       ],
                     *       "budget": "200.00",
                     *       "currency": "usd",
                     *       "deadline": null,
                     *       "remote": true,
                     *       "location": null,
                     *       "missing_fields": [
                     *         "deadline"
                     *       ],
                     *       "confidence": 0.82
                     *     }
                     */
                    "application/json": components["schemas"]["TaskDraft"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["AssistantError"];
            503: components["responses"]["AssistantUnavailable"];
        };
    };
    suggestCategory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Connect our CRM to Stripe",
                 *       "description": "Sync customers and invoices between HubSpot and Stripe."
                 *     }
                 */
                "application/json": components["schemas"]["SuggestCategoryRequest"];
            };
        };
        responses: {
            /** @description Suggested categories. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "category": {
                     *             "id": 3,
                     *             "slug": "web-development",
                     *             "name": "Web Development",
                     *             "description": "Websites, web applications, APIs and integrations."
                     *           },
                     *           "confidence": 0.86
                     *         },
                     *         {
                     *           "category": {
                     *             "id": 5,
                     *             "slug": "data-science",
                     *             "name": "Data Science & Analytics",
                     *             "description": "Data collection, analysis, machine learning and dashboards."
                     *           },
                     *           "confidence": 0.21
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CategorySuggestionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["AssistantError"];
            503: components["responses"]["AssistantUnavailable"];
        };
    };
    rateChatMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "rating": "up",
                 *       "comment": "Asked exactly the right question."
                 *     }
                 */
                "application/json": components["schemas"]["RateChatMessageRequest"];
            };
        };
        responses: {
            /** @description The rated message. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 202,
                     *       "session_id": 17,
                     *       "role": "assistant",
                     *       "content": "Happy to help you write this up. Which CRM do you use, and what should sync with Stripe: customers, invoices or both?",
                     *       "rating": "up",
                     *       "created_at": "2026-02-12T10:00:03Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ChatMessage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getChatbotStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The assistant's status. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "available": true,
                     *       "provider": "openai",
                     *       "model": "gpt-4o-mini",
                     *       "features": [
                     *         "chat",
                     *         "extract_task",
                     *         "suggest_category"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ChatbotStatus"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getChatbotStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's statistics. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total_sessions": 3,
                     *       "active_sessions": 1,
                     *       "total_messages": 14,
                     *       "tasks_extracted": 2,
                     *       "ratings": {
                     *         "up": 4,
                     *         "down": 1
                     *       },
                     *       "tokens": {
                     *         "prompt": 5120,
                     *         "completion": 1480,
                     *         "total": 6600
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ChatbotStatistics"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description Page number, starting at 1. A page past the last one answers `404`. */
                page?: components["parameters"]["Page"];
                /** @description Items per page, 1–100. */
                page_size?: components["parameters"]["PageSize"];
                /** @description Only read (`true`) or unread (`false`) notifications. */
                is_read?: boolean;
                /** @description Only notifications of this type. */
                type?: components["schemas"]["NotificationType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the caller's notifications. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "count": 1,
                     *       "next": null,
                     *       "previous": null,
                     *       "results": [
                     *         {
                     *           "id": 5001,
                     *           "type": "application_received",
                     *           "title": "New application on your task",
                     *           "body": "freelancer_user applied to \"Integrate our CRM with a REST API\" with a bid of 120.00 USD.",
                     *           "is_read": false,
                     *           "read_at": null,
                     *           "actor": {
                     *             "id": 2,
                     *             "username": "freelancer_user",
                     *             "display_name": "Lina Haddad",
                     *             "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *             "is_client": false,
                     *             "is_freelancer": true,
                     *             "rating": "4.80",
                     *             "reviews_count": 12
                     *           },
                     *           "target": {
                     *             "kind": "application",
                     *             "id": 308,
                     *             "url": "/api/tasks/42/applications/"
                     *           },
                     *           "created_at": "2026-02-09T11:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PaginatedNotificationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUnreadNotificationCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unread count. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unread_count": 3
                     *     }
                     */
                    "application/json": components["schemas"]["UnreadNotificationCount"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many notifications were marked read. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "updated": 3
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationsUpdated"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    clearAllNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The inbox is empty. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's preferences. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "email_enabled": true,
                     *       "in_app_enabled": true,
                     *       "digest": "none",
                     *       "types": {
                     *         "application_received": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "application_accepted": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "application_rejected": {
                     *           "in_app": true,
                     *           "email": false
                     *         },
                     *         "message_received": {
                     *           "in_app": true,
                     *           "email": false
                     *         },
                     *         "task_completed": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "task_cancelled": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "review_received": {
                     *           "in_app": true,
                     *           "email": false
                     *         },
                     *         "payment_received": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "payment_released": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "payment_refunded": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "withdrawal_paid": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "withdrawal_failed": {
                     *           "in_app": true,
                     *           "email": true
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email_enabled": true,
                 *       "in_app_enabled": true,
                 *       "digest": "daily",
                 *       "types": {
                 *         "application_received": {
                 *           "in_app": true,
                 *           "email": true
                 *         },
                 *         "application_accepted": {
                 *           "in_app": true,
                 *           "email": true
                 *         },
                 *         "application_rejected": {
                 *           "in_app": true,
                 *           "email": false
                 *         },
                 *         "message_received": {
                 *           "in_app": true,
                 *           "email": false
                 *         },
                 *         "task_completed": {
                 *           "in_app": true,
                 *           "email": true
                 *         },
                 *         "task_cancelled": {
                 *           "in_app": true,
                 *           "email": true
                 *         },
                 *         "review_received": {
                 *           "in_app": true,
                 *           "email": false
                 *         },
                 *         "payment_received": {
                 *           "in_app": true,
                 *           "email": true
                 *         },
                 *         "payment_released": {
                 *           "in_app": true,
                 *           "email": true
                 *         },
                 *         "payment_refunded": {
                 *           "in_app": true,
                 *           "email": true
                 *         },
                 *         "withdrawal_paid": {
                 *           "in_app": true,
                 *           "email": true
                 *         },
                 *         "withdrawal_failed": {
                 *           "in_app": true,
                 *           "email": true
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["NotificationPreferences"];
            };
        };
        responses: {
            /** @description The updated preferences. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "email_enabled": true,
                     *       "in_app_enabled": true,
                     *       "digest": "daily",
                     *       "types": {
                     *         "application_received": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "application_accepted": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "application_rejected": {
                     *           "in_app": true,
                     *           "email": false
                     *         },
                     *         "message_received": {
                     *           "in_app": true,
                     *           "email": false
                     *         },
                     *         "task_completed": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "task_cancelled": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "review_received": {
                     *           "in_app": true,
                     *           "email": false
                     *         },
                     *         "payment_received": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "payment_released": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "payment_refunded": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "withdrawal_paid": {
                     *           "in_app": true,
                     *           "email": true
                     *         },
                     *         "withdrawal_failed": {
                     *           "in_app": true,
                     *           "email": true
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    unsubscribeFromNotificationMails: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiYXVkIjoidGFza21hcmtldDp1bnN1YnNjcmliZSJ9.c2lnbmF0dXJl"
                 *     }
                 */
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description Notification mails are off. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "detail": "You will receive no more notification mails."
                     *     }
                     */
                    "application/json": components["schemas"]["Detail"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["UnprocessableEntity"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getEventStream: {
        parameters: {
            query?: {
                /** @description A single-use ticket from `POST /stream/ticket/`, instead of the `Authorization` header. */
                ticket?: string;
            };
            header?: {
                /** @description The last event `id` received, to replay what was missed since. */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream of events; it stays open. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example id: 1042
                     *     event: message.created
                     *     data: {"id":771,"conversation_id":99,"sender":{"id":2,"username":"freelancer_user","display_name":"Lina Haddad","avatar_url":"https://cdn.taskmarket.example/avatars/2.png","is_client":false,"is_freelancer":true,"rating":"4.80","reviews_count":12},"content":"Draft uploaded. Please review.","is_read":false,"read_at":null,"created_at":"2026-02-10T16:32:00Z"}
                     */
                    "text/event-stream": components["schemas"]["EventStream"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createStreamTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ticket": "tkt_Zq3mV9xK2mLp9sR4wY7zB1cD5fG6hJ0k",
                     *       "expires_at": "2026-02-10T16:33:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["StreamTicket"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification, now read. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": 5001,
                     *       "type": "application_received",
                     *       "title": "New application on your task",
                     *       "body": "freelancer_user applied to \"Integrate our CRM with a REST API\" with a bid of 120.00 USD.",
                     *       "is_read": true,
                     *       "read_at": "2026-02-09T12:30:00Z",
                     *       "actor": {
                     *         "id": 2,
                     *         "username": "freelancer_user",
                     *         "display_name": "Lina Haddad",
                     *         "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
                     *         "is_client": false,
                     *         "is_freelancer": true,
                     *         "rating": "4.80",
                     *         "reviews_count": 12
                     *       },
                     *       "target": {
                     *         "kind": "application",
                     *         "id": 308,
                     *         "url": "/api/tasks/42/applications/"
                     *       },
                     *       "created_at": "2026-02-09T11:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Notification"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Integer id of the resource named by the path.
                 * @example 42
                 */
                id: components["parameters"]["Id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification is deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
