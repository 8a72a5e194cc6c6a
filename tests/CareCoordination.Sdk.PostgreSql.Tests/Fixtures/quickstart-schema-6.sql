--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: fixture_v6; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA fixture_v6;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_genesis; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.audit_genesis (
    hash text NOT NULL,
    sequence bigint NOT NULL
);


--
-- Name: audit_records; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.audit_records (
    sequence bigint NOT NULL,
    at_ticks bigint NOT NULL,
    user_id text NOT NULL,
    role smallint NOT NULL,
    organisation integer,
    system text NOT NULL,
    subject text,
    action smallint NOT NULL,
    data smallint NOT NULL,
    detail text NOT NULL,
    basis smallint,
    basis_reference text,
    flagged boolean NOT NULL,
    previous_hash text NOT NULL,
    hash text NOT NULL
);


--
-- Name: events; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.events (
    sequence bigint NOT NULL,
    signal_id bigint NOT NULL,
    other_signal_id bigint,
    type text NOT NULL,
    schema_version integer NOT NULL,
    occurred_ticks bigint NOT NULL,
    payload jsonb NOT NULL
);


--
-- Name: events_sequence_seq; Type: SEQUENCE; Schema: fixture_v6; Owner: -
--

CREATE SEQUENCE fixture_v6.events_sequence_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: events_sequence_seq; Type: SEQUENCE OWNED BY; Schema: fixture_v6; Owner: -
--

ALTER SEQUENCE fixture_v6.events_sequence_seq OWNED BY fixture_v6.events.sequence;


--
-- Name: family_addresses; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.family_addresses (
    family_id integer NOT NULL,
    address text NOT NULL,
    municipality smallint
);


--
-- Name: family_members; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.family_members (
    family_id integer NOT NULL,
    "position" integer NOT NULL,
    role smallint NOT NULL,
    member integer NOT NULL
);


--
-- Name: idempotency_keys; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.idempotency_keys (
    key text NOT NULL,
    at_ticks bigint NOT NULL,
    schema_version integer NOT NULL,
    answer jsonb NOT NULL
);


--
-- Name: idempotency_signals; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.idempotency_signals (
    key text NOT NULL,
    signal_id bigint NOT NULL
);


--
-- Name: schema_info; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.schema_info (
    version integer NOT NULL
);


--
-- Name: signals; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.signals (
    id bigint NOT NULL,
    youth integer NOT NULL,
    organisation integer NOT NULL,
    reporter integer NOT NULL,
    registered_ticks bigint NOT NULL,
    route smallint NOT NULL,
    day integer NOT NULL,
    expiry smallint NOT NULL,
    state smallint NOT NULL,
    offered boolean NOT NULL,
    schema_version integer NOT NULL,
    age_limit_day integer
);


--
-- Name: store_settings; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.store_settings (
    name text NOT NULL,
    value text NOT NULL
);


--
-- Name: stream_events; Type: TABLE; Schema: fixture_v6; Owner: -
--

CREATE TABLE fixture_v6.stream_events (
    kind text NOT NULL,
    stream text NOT NULL,
    version integer NOT NULL,
    type text NOT NULL,
    schema_version integer NOT NULL,
    at_ticks bigint NOT NULL,
    payload jsonb NOT NULL
);


--
-- Name: events sequence; Type: DEFAULT; Schema: fixture_v6; Owner: -
--

ALTER TABLE ONLY fixture_v6.events ALTER COLUMN sequence SET DEFAULT nextval('fixture_v6.events_sequence_seq'::regclass);


--
-- Data for Name: audit_genesis; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--



--
-- Data for Name: audit_records; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--

INSERT INTO fixture_v6.audit_records VALUES (1, 17954244000000000, 'amw-coordinator', 3, 2, 'story', 'b99abcd32e5eede884e0d24c240fe98c', 1, 1, 'active signals', 3, 'consent-1', false, '0000000000000000000000000000000000000000000000000000000000000000', 'hmac-sha256:a1c8ebed5b4a73b6194e556722993c6678c0866214dbf825a02fbcfd33795f6f');
INSERT INTO fixture_v6.audit_records VALUES (2, 17954244000000000, 'amw-coordinator', 3, 2, 'story', '1563b61f9dab429d084e0ec7c1acb902', 1, 4, 'plan of case-1', 2, NULL, false, 'hmac-sha256:a1c8ebed5b4a73b6194e556722993c6678c0866214dbf825a02fbcfd33795f6f', 'hmac-sha256:f3a53ae46b634a6bf1a8b87112eca42ba4a9c881ca0104ebeaa3cb4660d7e5d4');
INSERT INTO fixture_v6.audit_records VALUES (3, 17954244000000000, 'amw-coordinator', 3, 2, 'story', 'b99abcd32e5eede884e0d24c240fe98c', 1, 4, 'plan of case-1', 2, NULL, false, 'hmac-sha256:f3a53ae46b634a6bf1a8b87112eca42ba4a9c881ca0104ebeaa3cb4660d7e5d4', 'hmac-sha256:5cf925cbc55e7d30be861871d6e8df06f525e5eada4bd2ce9039f11c535f64fb');
INSERT INTO fixture_v6.audit_records VALUES (4, 17954244000000000, 'amw-coordinator', 3, 2, 'story', '2e7798449040feda87e5b2356bb10045', 1, 4, 'plan of case-1', 2, NULL, false, 'hmac-sha256:5cf925cbc55e7d30be861871d6e8df06f525e5eada4bd2ce9039f11c535f64fb', 'hmac-sha256:d26b02fbfb4757f89b404fdb64b817872bd8c0fb0d9c21e5688ee512d8cda174');
INSERT INTO fixture_v6.audit_records VALUES (5, 17954244000000000, 'parent', 6, NULL, 'portal', 'b99abcd32e5eede884e0d24c240fe98c', 5, 8, 'subject access document for Parents verified by DigiD (portal session)', 6, NULL, false, 'hmac-sha256:d26b02fbfb4757f89b404fdb64b817872bd8c0fb0d9c21e5688ee512d8cda174', 'hmac-sha256:6bdfbd618d5e63fec2c5fdc1b37941af4e8996ef2cae9b7e58f8f6ccfb4c0964');
INSERT INTO fixture_v6.audit_records VALUES (6, 17954244000000000, 'privacy-officer', 5, 2, 'story', NULL, 1, 7, 'audit trail', 5, NULL, false, 'hmac-sha256:6bdfbd618d5e63fec2c5fdc1b37941af4e8996ef2cae9b7e58f8f6ccfb4c0964', 'hmac-sha256:6a026bb0e40659f3593dae6f654cec13e93b8f2ca6cb6cf2bf6108e7deb0c580');
INSERT INTO fixture_v6.audit_records VALUES (7, 17954244000000000, 'parent', 6, NULL, 'portal', 'b99abcd32e5eede884e0d24c240fe98c', 2, 10, 'Objection request about signal-5 by Parents verified by DigiD (portal session)', 6, NULL, false, 'hmac-sha256:6a026bb0e40659f3593dae6f654cec13e93b8f2ca6cb6cf2bf6108e7deb0c580', 'hmac-sha256:088d8ce6267ba88bdf819ad1b27fa606d1b906789f4543bcab8048d98b769101');
INSERT INTO fixture_v6.audit_records VALUES (8, 17954244000000000, 'school-reporter', 1, 4, 'story', 'b99abcd32e5eede884e0d24c240fe98c', 4, 10, 'request 1 (Objection) about signal-5 upheld', 1, NULL, false, 'hmac-sha256:088d8ce6267ba88bdf819ad1b27fa606d1b906789f4543bcab8048d98b769101', 'hmac-sha256:a154c133fd6f360f789e922300f800f447c8e1b0c6255500726b9e6951ee5915');


--
-- Data for Name: events; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--

INSERT INTO fixture_v6.events VALUES (1, 1, NULL, 'SignalRegistered', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": null, "Signal": 1, "Reporter": 101, "ExpiresOn": "2028-11-23", "Organisation": 1, "RegisteredAt": "2026-11-23T09:00:00Z"}');
INSERT INTO fixture_v6.events VALUES (2, 2, NULL, 'SignalRegistered', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": null, "Signal": 2, "Reporter": 201, "ExpiresOn": "2028-11-23", "Organisation": 2, "RegisteredAt": "2026-11-23T09:00:00Z"}');
INSERT INTO fixture_v6.events VALUES (3, 2, 1, 'MatchFound', 1, 17954244000000000, '{"Kind": "Family", "Family": 6, "Signal": 2, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 201, "OtherSignal": 1, "Organisation": 2, "OtherReporter": 101, "MatchCoordinator": 2, "OtherOrganisation": 1}');
INSERT INTO fixture_v6.events VALUES (4, 3, NULL, 'SignalRegistered', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": null, "Signal": 3, "Reporter": 301, "ExpiresOn": "2028-11-23", "Organisation": 3, "RegisteredAt": "2026-11-23T09:00:00Z"}');
INSERT INTO fixture_v6.events VALUES (5, 3, 1, 'MatchFound', 1, 17954244000000000, '{"Kind": "SameYouth", "Family": null, "Signal": 3, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 301, "OtherSignal": 1, "Organisation": 3, "OtherReporter": 101, "MatchCoordinator": 3, "OtherOrganisation": 1}');
INSERT INTO fixture_v6.events VALUES (6, 3, 2, 'MatchFound', 1, 17954244000000000, '{"Kind": "Family", "Family": 6, "Signal": 3, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 301, "OtherSignal": 2, "Organisation": 3, "OtherReporter": 201, "MatchCoordinator": 3, "OtherOrganisation": 2}');
INSERT INTO fixture_v6.events VALUES (7, 4, NULL, 'SignalRegistered', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": null, "Signal": 4, "Reporter": 201, "ExpiresOn": "2028-11-23", "Organisation": 2, "RegisteredAt": "2026-11-23T09:00:00Z"}');
INSERT INTO fixture_v6.events VALUES (8, 4, 3, 'MatchFound', 1, 17954244000000000, '{"Kind": "Address", "Family": null, "Signal": 4, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 201, "OtherSignal": 3, "Organisation": 2, "OtherReporter": 301, "MatchCoordinator": 3, "OtherOrganisation": 3}');
INSERT INTO fixture_v6.events VALUES (9, 4, 1, 'MatchFound', 1, 17954244000000000, '{"Kind": "Address", "Family": null, "Signal": 4, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 201, "OtherSignal": 1, "Organisation": 2, "OtherReporter": 101, "MatchCoordinator": 3, "OtherOrganisation": 1}');
INSERT INTO fixture_v6.events VALUES (14, 5, NULL, 'SignalWithdrawn', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": "ObjectionUpheld", "Signal": 5, "Reporter": 401, "ExpiresOn": "2028-11-23", "Organisation": 4, "RegisteredAt": "2026-11-23T09:00:00Z"}');
INSERT INTO fixture_v6.events VALUES (15, 5, NULL, 'SignalRemoved', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": "ObjectionUpheld", "Signal": 5, "Reporter": 401, "ExpiresOn": "2028-11-23", "Organisation": 4, "RegisteredAt": "2026-11-23T09:00:00Z"}');
INSERT INTO fixture_v6.events VALUES (16, 6, NULL, 'SignalRegistered', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": null, "Signal": 6, "Reporter": 101, "ExpiresOn": "2028-11-23", "Organisation": 1, "RegisteredAt": "2026-11-23T09:00:00Z"}');
INSERT INTO fixture_v6.events VALUES (21, 7, NULL, 'SignalWithdrawn', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": "Unjustified", "Signal": 7, "Reporter": 401, "ExpiresOn": "2028-11-23", "Organisation": 4, "RegisteredAt": "2026-11-23T09:00:00Z"}');
INSERT INTO fixture_v6.events VALUES (22, 7, NULL, 'SignalRemoved', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": "Unjustified", "Signal": 7, "Reporter": 401, "ExpiresOn": "2028-11-23", "Organisation": 4, "RegisteredAt": "2026-11-23T09:00:00Z"}');
INSERT INTO fixture_v6.events VALUES (23, 4, NULL, 'SignalWithdrawn', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": "RiskGone", "Signal": 4, "Reporter": 201, "ExpiresOn": "2028-11-23", "Organisation": 2, "RegisteredAt": "2026-11-23T09:00:00Z"}');
INSERT INTO fixture_v6.events VALUES (24, 4, NULL, 'SignalArchived', 1, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Expiry": "ActivePeriodEnds", "Reason": "RiskGone", "Signal": 4, "Reporter": 201, "ExpiresOn": "2028-11-23", "Organisation": 2, "RegisteredAt": "2026-11-23T09:00:00Z"}');


--
-- Data for Name: family_addresses; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--

INSERT INTO fixture_v6.family_addresses VALUES (6, 'hmac:b84e5a770defdd254b5934f8d052ac89447a0e065f434d20bb826f993eee7b6a', NULL);
INSERT INTO fixture_v6.family_addresses VALUES (1006, 'hmac:35ff5c1d3e099b23c35a146dd39aa1d35a9f45abadbdd7c8564c3bc15489e51e', 216);


--
-- Data for Name: family_members; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--

INSERT INTO fixture_v6.family_members VALUES (6, 0, 0, 460065735);
INSERT INTO fixture_v6.family_members VALUES (6, 1, 0, 412490357);
INSERT INTO fixture_v6.family_members VALUES (6, 2, 1, 693349588);
INSERT INTO fixture_v6.family_members VALUES (6, 3, 1, 215789011);
INSERT INTO fixture_v6.family_members VALUES (1006, 0, 0, 131847421);


--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--

INSERT INTO fixture_v6.idempotency_keys VALUES ('hmac:ce94f8783509659497f903ccedf37806a3515c72118161c7358aa20decf6ab64', 17954244000000000, 1, '{"Youth": 460065735, "Signal": {"Id": 1, "Day": 740673, "Youth": 460065735, "Expiry": "ActivePeriodEnds", "Reporter": 101, "Organisation": 1, "RegisteredTicks": 17954244000000000}, "Matches": [], "Outcome": "Registered", "Organisation": 1}');
INSERT INTO fixture_v6.idempotency_keys VALUES ('hmac:a0684ddb8cd308ac5d2c1f46993bb87b85e84d52ff2c02202c0de5fd20dd73ea', 17954244000000000, 1, '{"Youth": 412490357, "Signal": {"Id": 2, "Day": 740673, "Youth": 412490357, "Expiry": "ActivePeriodEnds", "Reporter": 201, "Organisation": 2, "RegisteredTicks": 17954244000000000}, "Matches": [{"Kind": "Family", "Other": {"Id": 1, "Day": 740673, "Youth": 460065735, "Expiry": "ActivePeriodEnds", "Reporter": 101, "Organisation": 1, "RegisteredTicks": 17954244000000000}, "Family": 6, "FoundAt": "2026-11-23T09:00:00Z", "MatchCoordinator": 2}], "Outcome": "Registered", "Organisation": 2}');
INSERT INTO fixture_v6.idempotency_keys VALUES ('hmac:0c3fa3df552152ae02c032c9c802db6250845ae8f2745e03574a3e22cfc0fd60', 17954244000000000, 1, '{"Youth": 460065735, "Signal": {"Id": 3, "Day": 740673, "Youth": 460065735, "Expiry": "ActivePeriodEnds", "Reporter": 301, "Organisation": 3, "RegisteredTicks": 17954244000000000}, "Matches": [{"Kind": "SameYouth", "Other": {"Id": 1, "Day": 740673, "Youth": 460065735, "Expiry": "ActivePeriodEnds", "Reporter": 101, "Organisation": 1, "RegisteredTicks": 17954244000000000}, "Family": null, "FoundAt": "2026-11-23T09:00:00Z", "MatchCoordinator": 3}, {"Kind": "Family", "Other": {"Id": 2, "Day": 740673, "Youth": 412490357, "Expiry": "ActivePeriodEnds", "Reporter": 201, "Organisation": 2, "RegisteredTicks": 17954244000000000}, "Family": 6, "FoundAt": "2026-11-23T09:00:00Z", "MatchCoordinator": 3}], "Outcome": "Registered", "Organisation": 3}');


--
-- Data for Name: idempotency_signals; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--

INSERT INTO fixture_v6.idempotency_signals VALUES ('hmac:ce94f8783509659497f903ccedf37806a3515c72118161c7358aa20decf6ab64', 1);
INSERT INTO fixture_v6.idempotency_signals VALUES ('hmac:a0684ddb8cd308ac5d2c1f46993bb87b85e84d52ff2c02202c0de5fd20dd73ea', 2);
INSERT INTO fixture_v6.idempotency_signals VALUES ('hmac:0c3fa3df552152ae02c032c9c802db6250845ae8f2745e03574a3e22cfc0fd60', 3);


--
-- Data for Name: schema_info; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--

INSERT INTO fixture_v6.schema_info VALUES (6);


--
-- Data for Name: signals; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--

INSERT INTO fixture_v6.signals VALUES (1, 460065735, 1, 101, 17954244000000000, 0, 740673, 1, 1, false, 6, NULL);
INSERT INTO fixture_v6.signals VALUES (2, 412490357, 2, 201, 17954244000000000, 0, 740673, 1, 1, false, 6, NULL);
INSERT INTO fixture_v6.signals VALUES (3, 460065735, 3, 301, 17954244000000000, 0, 740673, 1, 1, false, 6, NULL);
INSERT INTO fixture_v6.signals VALUES (6, 776071714, 1, 101, 17954244000000000, 0, 740673, 1, 1, false, 6, NULL);
INSERT INTO fixture_v6.signals VALUES (4, 131847421, 2, 201, 17954244000000000, 0, 739942, 1, 2, false, 6, NULL);


--
-- Data for Name: store_settings; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--

INSERT INTO fixture_v6.store_settings VALUES ('youth_keying', 'hmac-sha256:3a85673a1b2de58b');
INSERT INTO fixture_v6.store_settings VALUES ('erased_signal_high_water', '7');


--
-- Data for Name: stream_events; Type: TABLE DATA; Schema: fixture_v6; Owner: -
--

INSERT INTO fixture_v6.stream_events VALUES ('family', '6', 1, 'FamilyRecorded', 2, 17954244000000000, '{"Id": 6, "Carers": [693349588, 215789011], "Youths": [460065735, 412490357]}');
INSERT INTO fixture_v6.stream_events VALUES ('information-obligation', '1', 1, 'InformationObligation', 2, 17954244000000000, '{"DueOn": "2026-12-21", "Youth": 460065735, "Signal": 1, "Informed": "None", "MustInform": "Parents", "IsFulfilled": false, "Organisation": 1, "LastInformedAt": null, "PostponedBecause": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 1, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Signalled", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 1, "Reporter": 101, "Organisation": 1}');
INSERT INTO fixture_v6.stream_events VALUES ('information-obligation', '2', 1, 'InformationObligation', 2, 17954244000000000, '{"DueOn": "2026-12-21", "Youth": 412490357, "Signal": 2, "Informed": "None", "MustInform": "Parents, Youth", "IsFulfilled": false, "Organisation": 2, "LastInformedAt": null, "PostponedBecause": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 2, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Signalled", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 2, "Reporter": 201, "Organisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('case', '1', 1, 'CaseOpened', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Case": 1, "Route": "ReferenceIndex", "Family": 6, "Youths": [412490357, 460065735], "Meeting": "Casusoverleg CJG", "ConcernSince": "2026-11-23T09:00:00Z", "Organisations": [1, 2]}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '2', 1, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "Reporter", "Signal": 2, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "Organisation": 1, "OrganisationName": "JGZ Rivierenland", "ProfessionalName": "Anna de Vries"}], "MatchCoordinator": 2, "RecipientContact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "RecipientProfessional": 201}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '2', 2, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "MatchCoordinator", "Signal": 2, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}, {"Contact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "Organisation": 1, "OrganisationName": "JGZ Rivierenland", "ProfessionalName": "Anna de Vries"}], "MatchCoordinator": 2, "RecipientContact": {"Email": "info@org2.example", "Phone": "+31 30 000 0002"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '1', 1, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "Reporter", "Signal": 1, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}], "MatchCoordinator": 2, "RecipientContact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "RecipientProfessional": 101}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '1-2', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "Family", "DueOn": "2026-12-03", "Signal": 2, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 201, "RemindedAt": null, "OtherSignal": 1, "Organisation": 2, "OtherReporter": 101, "CentralContact": null, "MatchCoordinator": 2, "ContactRecordedAt": null, "OtherOrganisation": 1, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 3, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 2, "Reporter": 201, "Organisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 4, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 1, "Reporter": 101, "Organisation": 1}');
INSERT INTO fixture_v6.stream_events VALUES ('information-obligation', '3', 1, 'InformationObligation', 2, 17954244000000000, '{"DueOn": "2026-12-21", "Youth": 460065735, "Signal": 3, "Informed": "None", "MustInform": "Parents", "IsFulfilled": false, "Organisation": 3, "LastInformedAt": null, "PostponedBecause": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 5, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Signalled", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 3, "Reporter": 301, "Organisation": 3}');
INSERT INTO fixture_v6.stream_events VALUES ('case', '1', 2, 'IntakeJoined', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Case": 1, "Route": "ReferenceIndex", "NewYouths": [], "NewOrganisations": [3]}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 1, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "Reporter", "Signal": 3, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "Organisation": 1, "OrganisationName": "JGZ Rivierenland", "ProfessionalName": "Anna de Vries"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "RecipientProfessional": 301}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 2, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "MatchCoordinator", "Signal": 3, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "Organisation": 3, "OrganisationName": "Jeugdbescherming Gelderland", "ProfessionalName": "Carla Bakker"}, {"Contact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "Organisation": 1, "OrganisationName": "JGZ Rivierenland", "ProfessionalName": "Anna de Vries"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "info@org3.example", "Phone": "+31 30 000 0003"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '1', 2, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "Reporter", "Signal": 1, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "Organisation": 3, "OrganisationName": "Jeugdbescherming Gelderland", "ProfessionalName": "Carla Bakker"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "RecipientProfessional": 101}');
INSERT INTO fixture_v6.stream_events VALUES ('plan', '1', 7, 'EscalationStepped', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "By": 201, "To": "Executors", "From": "None", "Plan": 1, "Reason": "1 action(s) overdue by more than 7 days: #2 of org-1, due 2026-12-14.", "Trigger": "Stall", "Deadline": "2027-01-06"}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '1-3', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "DueOn": "2026-12-03", "Signal": 3, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 301, "RemindedAt": null, "OtherSignal": 1, "Organisation": 3, "OtherReporter": 101, "CentralContact": null, "MatchCoordinator": 3, "ContactRecordedAt": null, "OtherOrganisation": 1, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 6, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 3, "Reporter": 301, "Organisation": 3}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 7, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 1, "Reporter": 101, "Organisation": 1}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 3, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "Reporter", "Signal": 3, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "RecipientProfessional": 301}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 4, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "MatchCoordinator", "Signal": 3, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "Organisation": 3, "OrganisationName": "Jeugdbescherming Gelderland", "ProfessionalName": "Carla Bakker"}, {"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "info@org3.example", "Phone": "+31 30 000 0003"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '2', 3, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "Reporter", "Signal": 2, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "Organisation": 3, "OrganisationName": "Jeugdbescherming Gelderland", "ProfessionalName": "Carla Bakker"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "RecipientProfessional": 201}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '2-3', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "Family", "DueOn": "2026-12-03", "Signal": 3, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 301, "RemindedAt": null, "OtherSignal": 2, "Organisation": 3, "OtherReporter": 201, "CentralContact": null, "MatchCoordinator": 3, "ContactRecordedAt": null, "OtherOrganisation": 2, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 8, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 3, "Reporter": 301, "Organisation": 3}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 9, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 2, "Reporter": 201, "Organisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 10, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Signalled", "Youth": "2e7798449040feda87e5b2356bb10045", "Signal": 4, "Reporter": 201, "Organisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('case', '1', 3, 'IntakeJoined', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Case": 1, "Route": "ReferenceIndex", "NewYouths": [131847421], "NewOrganisations": []}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '2', 4, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Address", "Role": "Reporter", "Signal": 4, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "Organisation": 3, "OrganisationName": "Jeugdbescherming Gelderland", "ProfessionalName": "Carla Bakker"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "RecipientProfessional": 201}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 5, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Address", "Role": "Reporter", "Signal": 3, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "RecipientProfessional": 301}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 6, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Address", "Role": "MatchCoordinator", "Signal": 4, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}, {"Contact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "Organisation": 3, "OrganisationName": "Jeugdbescherming Gelderland", "ProfessionalName": "Carla Bakker"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "info@org3.example", "Phone": "+31 30 000 0003"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '3-4', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "Address", "DueOn": "2026-12-03", "Signal": 4, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 201, "RemindedAt": null, "OtherSignal": 3, "Organisation": 2, "OtherReporter": 301, "CentralContact": null, "MatchCoordinator": 3, "ContactRecordedAt": null, "OtherOrganisation": 3, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 11, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "2e7798449040feda87e5b2356bb10045", "Signal": 4, "Reporter": 201, "Organisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 12, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 3, "Reporter": 301, "Organisation": 3}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '2', 5, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Address", "Role": "Reporter", "Signal": 4, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "Organisation": 1, "OrganisationName": "JGZ Rivierenland", "ProfessionalName": "Anna de Vries"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "RecipientProfessional": 201}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '1', 3, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Address", "Role": "Reporter", "Signal": 1, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "RecipientProfessional": 101}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 7, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Address", "Role": "MatchCoordinator", "Signal": 4, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}, {"Contact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "Organisation": 1, "OrganisationName": "JGZ Rivierenland", "ProfessionalName": "Anna de Vries"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "info@org3.example", "Phone": "+31 30 000 0003"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '1-4', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "Address", "DueOn": "2026-12-03", "Signal": 4, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 201, "RemindedAt": null, "OtherSignal": 1, "Organisation": 2, "OtherReporter": 101, "CentralContact": null, "MatchCoordinator": 3, "ContactRecordedAt": null, "OtherOrganisation": 1, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 13, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "2e7798449040feda87e5b2356bb10045", "Signal": 4, "Reporter": 201, "Organisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 14, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 1, "Reporter": 101, "Organisation": 1}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '3-4', 2, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "Address", "DueOn": "2026-12-03", "Signal": 4, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 201, "RemindedAt": null, "OtherSignal": 3, "Organisation": 2, "OtherReporter": 301, "CentralContact": 301, "MatchCoordinator": 3, "ContactRecordedAt": "2026-11-23T09:00:00Z", "OtherOrganisation": 3, "ContactOrganisation": 3}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '3-4', 3, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "Address", "DueOn": "2026-12-03", "Signal": 4, "Aligned": true, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 201, "RemindedAt": null, "OtherSignal": 3, "Organisation": 2, "OtherReporter": 301, "CentralContact": 301, "MatchCoordinator": 3, "ContactRecordedAt": "2026-11-23T09:00:00Z", "OtherOrganisation": 3, "ContactOrganisation": 3}');
INSERT INTO fixture_v6.stream_events VALUES ('family', '1006', 1, 'FamilyRecorded', 2, 17954244000000000, '{"Id": 1006, "Carers": [], "Youths": [131847421]}');
INSERT INTO fixture_v6.stream_events VALUES ('move-notice', '2', 1, 'MoveNoticeRecorded', 2, 17954244000000000, '{"MovedAt": "2026-11-23T09:00:00Z", "Signals": [{"Party": {"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}, "Signal": 4, "ExpiresOn": "2028-11-23"}], "Recipient": "Reporter", "ToMunicipality": 216, "FromMunicipality": 281, "RecipientOrganisation": 2, "RecipientProfessional": 201}');
INSERT INTO fixture_v6.stream_events VALUES ('move-notice', 'municipality-0216', 1, 'MoveNoticeRecorded', 2, 17954244000000000, '{"MovedAt": "2026-11-23T09:00:00Z", "Signals": [{"Party": {"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}, "Signal": 4, "ExpiresOn": "2028-11-23"}], "Recipient": "MunicipalMatchCoordinator", "ToMunicipality": 216, "FromMunicipality": 281, "RecipientOrganisation": null, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('case', '1', 4, 'IntakeJoined', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Case": 1, "Route": "CareNetwork", "NewYouths": [], "NewOrganisations": [4]}');
INSERT INTO fixture_v6.stream_events VALUES ('coordinator', '1', 1, 'CoordinatorJoinedPool', 2, 17954244000000000, '{"Id": 1, "Training": "Specialist", "WeeklyHours": 8, "Organisation": 2, "Professional": 201}');
INSERT INTO fixture_v6.stream_events VALUES ('case', '1', 5, 'CaseAssessed', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "To": "General", "Case": 1, "From": "None", "Reasons": ["4 organisations are involved (rule: 3 or more need general coordination).", "The family has problems in 2 domains (parenting, debt) (rule: 2 or more need general coordination)."], "CoreProblem": "Debt", "ProblemDomains": "Parenting, Debt", "InvolvedOrganisations": []}');
INSERT INTO fixture_v6.stream_events VALUES ('case', '1', 6, 'CoordinatorAssigned', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Case": 1, "Reason": "org-2 already knows the family; coordinator-1 had 8 of 8 hours free.", "Fallback": false, "Coordinator": 1, "Organisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('plan', '1', 1, 'PlanDrafted', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "By": 201, "Plan": 1, "TimeZone": "Europe/Amsterdam", "CoordinatorOrganisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('plan', '1', 2, 'GoalSet', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "By": 201, "Plan": 1, "Number": 1, "Description": "The parents have an overview of their debts"}');
INSERT INTO fixture_v6.stream_events VALUES ('plan', '1', 3, 'ActionAgreed', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "By": 201, "Plan": 1, "Action": {"Due": "2026-12-07", "Goal": 1, "Kind": "Help", "Owner": 2, "Number": 1, "Status": "Agreed", "Description": "Debt counselling intake", "Professional": 201, "WaitingListReason": null}}');
INSERT INTO fixture_v6.stream_events VALUES ('plan', '1', 4, 'ActionAgreed', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "By": 201, "Plan": 1, "Action": {"Due": "2026-12-14", "Goal": 1, "Kind": "Help", "Owner": 1, "Number": 2, "Status": "Agreed", "Description": "Parenting support at home", "Professional": 101, "WaitingListReason": null}}');
INSERT INTO fixture_v6.stream_events VALUES ('plan', '1', 5, 'FamilyAgreed', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "By": 201, "Plan": 1, "Member": "Parents"}');
INSERT INTO fixture_v6.stream_events VALUES ('plan', '1', 6, 'ActionCompleted', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "By": 201, "Plan": 1, "Number": 1}');
INSERT INTO fixture_v6.stream_events VALUES ('plan', '1', 8, 'EscalationStepped', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "By": 201, "To": "Management", "From": "Executors", "Plan": 1, "Reason": "1 action(s) overdue by more than 7 days: #2 of org-1, due 2026-12-14.", "Trigger": "DeadlinePassed", "Deadline": "2027-01-21"}');
INSERT INTO fixture_v6.stream_events VALUES ('plan', '1', 9, 'EscalationStepped', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "By": 201, "To": "Municipality", "From": "Management", "Plan": 1, "Reason": "1 action(s) overdue by more than 7 days: #2 of org-1, due 2026-12-14.", "Trigger": "DeadlinePassed", "Deadline": "2027-02-19"}');
INSERT INTO fixture_v6.stream_events VALUES ('consent', '1', 1, 'ConsentGiven', 2, 17954244000000000, '{"Id": 1, "End": null, "Start": "2026-11-23T09:00:00Z", "Youth": 460065735, "GivenBy": "Parents", "Purpose": "Coordination", "Recipients": [2]}');
INSERT INTO fixture_v6.stream_events VALUES ('legal-basis', '1', 1, 'LegalBasisRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Id": 1, "Basis": "SeriouslyThreateningSituation", "Until": "2026-12-23T09:00:00Z", "Youth": 412490357, "DecidedBy": 301, "Recipients": [1], "Organisation": 3, "Justification": "acute danger at home"}');
INSERT INTO fixture_v6.stream_events VALUES ('case', '1', 7, 'CaseAssessed', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "To": "Specialist", "Case": 1, "From": "General", "Reasons": ["4 organisations are involved (rule: 3 or more need general coordination).", "The family has problems in 2 domains (parenting, safety) (rule: 2 or more need general coordination).", "The child''s safety is threatened (rule: a threat to safety needs specialist coordination).", "A supervision order (OTS) hands coordination over to youth protection."], "CoreProblem": "Safety", "ProblemDomains": "Parenting, Safety", "InvolvedOrganisations": []}');
INSERT INTO fixture_v6.stream_events VALUES ('case', '1', 8, 'CoordinatorReleased', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Case": 1, "Reason": "coordination handed over to youth protection (SupervisionOrder)", "Coordinator": 1}');
INSERT INTO fixture_v6.stream_events VALUES ('case', '1', 9, 'CaseHandedOver', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Case": 1, "Handover": {"Measure": "SupervisionOrder", "Agreements": "OTS for one year", "YouthProtection": 3, "FeedbackInterval": "42:00:00:00", "InvolvedOrganisations": [1, 2]}}');
INSERT INTO fixture_v6.stream_events VALUES ('case', '1', 10, 'FeedbackRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Case": 1, "Informed": 1}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 15, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Signalled", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 5, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '4', 1, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "Reporter", "Signal": 5, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "Organisation": 3, "OrganisationName": "Jeugdbescherming Gelderland", "ProfessionalName": "Carla Bakker"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "RecipientProfessional": 401}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 8, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "Reporter", "Signal": 3, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "RecipientProfessional": 301}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 9, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "MatchCoordinator", "Signal": 5, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}, {"Contact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "Organisation": 3, "OrganisationName": "Jeugdbescherming Gelderland", "ProfessionalName": "Carla Bakker"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "info@org3.example", "Phone": "+31 30 000 0003"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '3-5', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "DueOn": "2026-12-03", "Signal": 5, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 401, "RemindedAt": null, "OtherSignal": 3, "Organisation": 4, "OtherReporter": 301, "CentralContact": null, "MatchCoordinator": 3, "ContactRecordedAt": null, "OtherOrganisation": 3, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 16, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 5, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 17, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 3, "Reporter": 301, "Organisation": 3}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '4', 2, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "Reporter", "Signal": 5, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "Organisation": 1, "OrganisationName": "JGZ Rivierenland", "ProfessionalName": "Anna de Vries"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "RecipientProfessional": 401}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '1', 4, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "Reporter", "Signal": 1, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "RecipientProfessional": 101}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '4', 4, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "Reporter", "Signal": 7, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "RecipientProfessional": 401}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 31, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 1, "Reporter": 101, "Organisation": 1}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 10, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "MatchCoordinator", "Signal": 5, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}, {"Contact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "Organisation": 1, "OrganisationName": "JGZ Rivierenland", "ProfessionalName": "Anna de Vries"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "info@org3.example", "Phone": "+31 30 000 0003"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '1-5', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "DueOn": "2026-12-03", "Signal": 5, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 401, "RemindedAt": null, "OtherSignal": 1, "Organisation": 4, "OtherReporter": 101, "CentralContact": null, "MatchCoordinator": 3, "ContactRecordedAt": null, "OtherOrganisation": 1, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 18, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 5, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 19, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 1, "Reporter": 101, "Organisation": 1}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '4', 3, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "Reporter", "Signal": 5, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "RecipientProfessional": 401}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '2', 6, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "Reporter", "Signal": 2, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "RecipientProfessional": 201}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 11, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "MatchCoordinator", "Signal": 5, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}, {"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "info@org3.example", "Phone": "+31 30 000 0003"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '2-5', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "Family", "DueOn": "2026-12-03", "Signal": 5, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 401, "RemindedAt": null, "OtherSignal": 2, "Organisation": 4, "OtherReporter": 201, "CentralContact": null, "MatchCoordinator": 3, "ContactRecordedAt": null, "OtherOrganisation": 2, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 20, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 5, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 21, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 2, "Reporter": 201, "Organisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('subject-request', '1', 1, 'SubjectRequestRecorded', 2, 17954244000000000, '{"Id": 1, "Kind": "Objection", "Youth": 460065735, "Signal": 5, "Status": "Pending", "Grounds": "We were never told why the school signalled.", "LodgedAt": "2026-11-23T09:00:00Z", "DecidedAt": null, "DecidedBy": null, "RequestedBy": "Parents", "Organisation": 4, "DecisionReason": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 22, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Withdrawn", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 5, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('information-obligation', '5', 1, 'StreamErased', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Reason": "the signal left the index"}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 23, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Removed", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 5, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('subject-request', '1', 2, 'SubjectRequestRecorded', 2, 17954244000000000, '{"Id": 1, "Kind": "Objection", "Youth": 460065735, "Signal": 5, "Status": "Upheld", "Grounds": "We were never told why the school signalled.", "LodgedAt": "2026-11-23T09:00:00Z", "DecidedAt": "2026-11-23T09:00:00Z", "DecidedBy": 401, "RequestedBy": "Parents", "Organisation": 4, "DecisionReason": "The school withdraws its concern."}');
INSERT INTO fixture_v6.stream_events VALUES ('substitute-number', '776071714', 1, 'SubstituteNumberIssued', 2, 17954244000000000, '{"Number": 776071714, "Fingerprint": "hmac:d5dd6d685926d9dd31480606e5591809a4a6325403328419a4724f28a64e8847", "SealedFingerprint": "gcm:w4CcLTZNJtSkpkcmHEM2Rib3dsSvqKmjbpyiccOwWDdOeHSS4X1rWLIb8Afx3onbxiIF3YhhaMxcBl6i00GsvKG1A9QEOFlJJO4Mk7X/Hop0vgrocvUUUHfe5MM="}');
INSERT INTO fixture_v6.stream_events VALUES ('information-obligation', '6', 1, 'InformationObligation', 2, 17954244000000000, '{"DueOn": "2026-12-21", "Youth": 776071714, "Signal": 6, "Informed": "None", "MustInform": "Parents", "IsFulfilled": false, "Organisation": 1, "LastInformedAt": null, "PostponedBecause": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 24, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Signalled", "Youth": "e2370e645da219b44028ebd82bc679be", "Signal": 6, "Reporter": 101, "Organisation": 1}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 25, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Signalled", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 7, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '2', 7, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "Reporter", "Signal": 2, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "RecipientProfessional": 201}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 12, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "Role": "MatchCoordinator", "Signal": 7, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}, {"Contact": {"Email": "reporter@org2.example", "Phone": "+31 6 0000 0002"}, "Organisation": 2, "OrganisationName": "Algemeen Maatschappelijk Werk", "ProfessionalName": "Bram Jansen"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "info@org3.example", "Phone": "+31 30 000 0003"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '2-7', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "SameYouth", "DueOn": "2026-12-03", "Signal": 7, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 401, "RemindedAt": null, "OtherSignal": 2, "Organisation": 4, "OtherReporter": 201, "CentralContact": null, "MatchCoordinator": 3, "ContactRecordedAt": null, "OtherOrganisation": 2, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 26, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 7, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 27, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 2, "Reporter": 201, "Organisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '4', 5, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "Reporter", "Signal": 7, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "Organisation": 3, "OrganisationName": "Jeugdbescherming Gelderland", "ProfessionalName": "Carla Bakker"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "RecipientProfessional": 401}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 13, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "Reporter", "Signal": 3, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "RecipientProfessional": 301}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 14, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "MatchCoordinator", "Signal": 7, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}, {"Contact": {"Email": "reporter@org3.example", "Phone": "+31 6 0000 0003"}, "Organisation": 3, "OrganisationName": "Jeugdbescherming Gelderland", "ProfessionalName": "Carla Bakker"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "info@org3.example", "Phone": "+31 30 000 0003"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '3-7', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "Family", "DueOn": "2026-12-03", "Signal": 7, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 401, "RemindedAt": null, "OtherSignal": 3, "Organisation": 4, "OtherReporter": 301, "CentralContact": null, "MatchCoordinator": 3, "ContactRecordedAt": null, "OtherOrganisation": 3, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 28, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 7, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 29, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "b99abcd32e5eede884e0d24c240fe98c", "Signal": 3, "Reporter": 301, "Organisation": 3}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '4', 6, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "Reporter", "Signal": 7, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "Organisation": 1, "OrganisationName": "JGZ Rivierenland", "ProfessionalName": "Anna de Vries"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "RecipientProfessional": 401}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '1', 5, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "Reporter", "Signal": 1, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "RecipientProfessional": 101}');
INSERT INTO fixture_v6.stream_events VALUES ('notification-feed', '3', 15, 'MatchNotificationRecorded', 2, 17954244000000000, '{"Kind": "Family", "Role": "MatchCoordinator", "Signal": 7, "RecordedAt": "2026-11-23T09:00:00Z", "OtherParties": [{"Contact": {"Email": "reporter@org4.example", "Phone": "+31 6 0000 0004"}, "Organisation": 4, "OrganisationName": "Basisschool De Regenboog", "ProfessionalName": "Dirk Visser"}, {"Contact": {"Email": "reporter@org1.example", "Phone": "+31 6 0000 0001"}, "Organisation": 1, "OrganisationName": "JGZ Rivierenland", "ProfessionalName": "Anna de Vries"}], "MatchCoordinator": 3, "RecipientContact": {"Email": "info@org3.example", "Phone": "+31 30 000 0003"}, "RecipientProfessional": null}');
INSERT INTO fixture_v6.stream_events VALUES ('match-follow-up', '1-7', 1, 'MatchFollowUpRecorded', 2, 17954244000000000, '{"Kind": "Family", "DueOn": "2026-12-03", "Signal": 7, "Aligned": null, "FoundAt": "2026-11-23T09:00:00Z", "Reporter": 401, "RemindedAt": null, "OtherSignal": 1, "Organisation": 4, "OtherReporter": 101, "CentralContact": null, "MatchCoordinator": 3, "ContactRecordedAt": null, "OtherOrganisation": 1, "ContactOrganisation": null}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 30, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Notified", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 7, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 32, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Withdrawn", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 7, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('information-obligation', '7', 1, 'StreamErased', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Reason": "the signal left the index"}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 33, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Removed", "Youth": "1563b61f9dab429d084e0ec7c1acb902", "Signal": 7, "Reporter": 401, "Organisation": 4}');
INSERT INTO fixture_v6.stream_events VALUES ('service-idempotency-keys', '3', 1, 'KeyClaimed', 1, 17954244000000000, '{"key": "2:00000006", "fingerprint": "c3RvcnkK"}');
INSERT INTO fixture_v6.stream_events VALUES ('logbook', '2026-11-23', 34, 'LogbookEntryRecorded', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Event": "Withdrawn", "Youth": "2e7798449040feda87e5b2356bb10045", "Signal": 4, "Reporter": 201, "Organisation": 2}');
INSERT INTO fixture_v6.stream_events VALUES ('information-obligation', '4', 1, 'StreamErased', 2, 17954244000000000, '{"At": "2026-11-23T09:00:00Z", "Reason": "the signal left the index"}');


--
-- Name: events_sequence_seq; Type: SEQUENCE SET; Schema: fixture_v6; Owner: -
--

SELECT pg_catalog.setval('fixture_v6.events_sequence_seq', 24, true);


--
-- Name: audit_records audit_records_pkey; Type: CONSTRAINT; Schema: fixture_v6; Owner: -
--

ALTER TABLE ONLY fixture_v6.audit_records
    ADD CONSTRAINT audit_records_pkey PRIMARY KEY (sequence);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: fixture_v6; Owner: -
--

ALTER TABLE ONLY fixture_v6.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (sequence);


--
-- Name: family_addresses family_addresses_pkey; Type: CONSTRAINT; Schema: fixture_v6; Owner: -
--

ALTER TABLE ONLY fixture_v6.family_addresses
    ADD CONSTRAINT family_addresses_pkey PRIMARY KEY (family_id);


--
-- Name: family_members family_members_pkey; Type: CONSTRAINT; Schema: fixture_v6; Owner: -
--

ALTER TABLE ONLY fixture_v6.family_members
    ADD CONSTRAINT family_members_pkey PRIMARY KEY (family_id, "position");


--
-- Name: idempotency_keys idempotency_keys_pkey; Type: CONSTRAINT; Schema: fixture_v6; Owner: -
--

ALTER TABLE ONLY fixture_v6.idempotency_keys
    ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (key);


--
-- Name: idempotency_signals idempotency_signals_pkey; Type: CONSTRAINT; Schema: fixture_v6; Owner: -
--

ALTER TABLE ONLY fixture_v6.idempotency_signals
    ADD CONSTRAINT idempotency_signals_pkey PRIMARY KEY (key, signal_id);


--
-- Name: signals signals_pkey; Type: CONSTRAINT; Schema: fixture_v6; Owner: -
--

ALTER TABLE ONLY fixture_v6.signals
    ADD CONSTRAINT signals_pkey PRIMARY KEY (id);


--
-- Name: store_settings store_settings_pkey; Type: CONSTRAINT; Schema: fixture_v6; Owner: -
--

ALTER TABLE ONLY fixture_v6.store_settings
    ADD CONSTRAINT store_settings_pkey PRIMARY KEY (name);


--
-- Name: stream_events stream_events_pkey; Type: CONSTRAINT; Schema: fixture_v6; Owner: -
--

ALTER TABLE ONLY fixture_v6.stream_events
    ADD CONSTRAINT stream_events_pkey PRIMARY KEY (kind, stream, version);


--
-- Name: events_other_signal; Type: INDEX; Schema: fixture_v6; Owner: -
--

CREATE INDEX events_other_signal ON fixture_v6.events USING btree (other_signal_id);


--
-- Name: events_signal; Type: INDEX; Schema: fixture_v6; Owner: -
--

CREATE INDEX events_signal ON fixture_v6.events USING btree (signal_id);


--
-- Name: idempotency_signals_signal; Type: INDEX; Schema: fixture_v6; Owner: -
--

CREATE INDEX idempotency_signals_signal ON fixture_v6.idempotency_signals USING btree (signal_id);


--
-- Name: signals_youth; Type: INDEX; Schema: fixture_v6; Owner: -
--

CREATE INDEX signals_youth ON fixture_v6.signals USING btree (youth);


--
-- PostgreSQL database dump complete
--


