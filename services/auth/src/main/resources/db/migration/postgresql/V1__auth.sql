-- Users (spec/services.md §1.1). The id is the token's sub.
CREATE TABLE users (
    id                  uuid         PRIMARY KEY,
    email               varchar(254) NOT NULL UNIQUE,
    name                varchar(100) NOT NULL,
    password_hash       varchar(255) NOT NULL,
    role                varchar(16)  NOT NULL CHECK (role IN ('CUSTOMER', 'ADMIN')),
    enabled             boolean      NOT NULL DEFAULT true,
    failed_login_count  int          NOT NULL DEFAULT 0,
    locked_until        timestamptz  NULL,
    created_by          uuid         NULL,
    password_changed_at timestamptz  NOT NULL,
    last_login_at       timestamptz  NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL
);

CREATE INDEX users_role_created_at ON users (role, created_at);

-- RS256 signing keys: one active, retired ones published for a day. The private JWK is encrypted
-- (AES-GCM, key derived from eshop.auth.signing-key.encryption-secret).
CREATE TABLE signing_key (
    kid                   varchar(64) PRIMARY KEY,
    public_jwk            text        NOT NULL,
    private_key_encrypted text        NOT NULL,
    active                boolean     NOT NULL,
    created_at            timestamptz NOT NULL,
    retired_at            timestamptz NULL
);

-- At most one active key, so replicas starting together cannot both create the first one.
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (active) WHERE active;

-- Spring Authorization Server (its oauth2-*-schema.sql, with PostgreSQL types: blob -> text,
-- timestamp -> timestamptz, as the schema files advise).
CREATE TABLE oauth2_registered_client (
    id                            varchar(100)  NOT NULL,
    client_id                     varchar(100)  NOT NULL,
    client_id_issued_at           timestamptz   DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret                 varchar(200)  DEFAULT NULL,
    client_secret_expires_at      timestamptz   DEFAULT NULL,
    client_name                   varchar(200)  NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types     varchar(1000) NOT NULL,
    redirect_uris                 varchar(1000) DEFAULT NULL,
    post_logout_redirect_uris     varchar(1000) DEFAULT NULL,
    scopes                        varchar(1000) NOT NULL,
    client_settings               varchar(2000) NOT NULL,
    token_settings                varchar(2000) NOT NULL,
    PRIMARY KEY (id)
);

-- Clients are created from configuration by every replica at startup: one row per client_id.
CREATE UNIQUE INDEX oauth2_registered_client_client_id ON oauth2_registered_client (client_id);

CREATE TABLE oauth2_authorization (
    id                            varchar(100)  NOT NULL,
    registered_client_id          varchar(100)  NOT NULL,
    principal_name                varchar(200)  NOT NULL,
    authorization_grant_type      varchar(100)  NOT NULL,
    authorized_scopes             varchar(1000) DEFAULT NULL,
    attributes                    text          DEFAULT NULL,
    state                         varchar(500)  DEFAULT NULL,
    authorization_code_value      text          DEFAULT NULL,
    authorization_code_issued_at  timestamptz   DEFAULT NULL,
    authorization_code_expires_at timestamptz   DEFAULT NULL,
    authorization_code_metadata   text          DEFAULT NULL,
    access_token_value            text          DEFAULT NULL,
    access_token_issued_at        timestamptz   DEFAULT NULL,
    access_token_expires_at       timestamptz   DEFAULT NULL,
    access_token_metadata         text          DEFAULT NULL,
    access_token_type             varchar(100)  DEFAULT NULL,
    access_token_scopes           varchar(1000) DEFAULT NULL,
    oidc_id_token_value           text          DEFAULT NULL,
    oidc_id_token_issued_at       timestamptz   DEFAULT NULL,
    oidc_id_token_expires_at      timestamptz   DEFAULT NULL,
    oidc_id_token_metadata        text          DEFAULT NULL,
    refresh_token_value           text          DEFAULT NULL,
    refresh_token_issued_at       timestamptz   DEFAULT NULL,
    refresh_token_expires_at      timestamptz   DEFAULT NULL,
    refresh_token_metadata        text          DEFAULT NULL,
    user_code_value               text          DEFAULT NULL,
    user_code_issued_at           timestamptz   DEFAULT NULL,
    user_code_expires_at          timestamptz   DEFAULT NULL,
    user_code_metadata            text          DEFAULT NULL,
    device_code_value             text          DEFAULT NULL,
    device_code_issued_at         timestamptz   DEFAULT NULL,
    device_code_expires_at        timestamptz   DEFAULT NULL,
    device_code_metadata          text          DEFAULT NULL,
    PRIMARY KEY (id)
);

-- The authorization service looks rows up by each token value, and disabling a user deletes theirs.
-- Hash indexes: equality only, and no size limit for long JWT values.
CREATE INDEX oauth2_authorization_principal ON oauth2_authorization (principal_name);
CREATE INDEX oauth2_authorization_state ON oauth2_authorization USING hash (state);
CREATE INDEX oauth2_authorization_code ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_refresh_token ON oauth2_authorization USING hash (refresh_token_value);
CREATE INDEX oauth2_authorization_id_token ON oauth2_authorization USING hash (oidc_id_token_value);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id varchar(100)  NOT NULL,
    principal_name       varchar(200)  NOT NULL,
    authorities          varchar(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- Spring Session JDBC (its schema-postgresql.sql): sign-in sessions shared by replicas.
CREATE TABLE spring_session (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
