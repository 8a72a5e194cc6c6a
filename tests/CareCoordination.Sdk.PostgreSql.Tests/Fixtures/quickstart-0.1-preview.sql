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
-- Name: fixture_v3; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA fixture_v3;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_genesis; Type: TABLE; Schema: fixture_v3; Owner: -
--

CREATE TABLE fixture_v3.audit_genesis (
    hash text NOT NULL,
    sequence bigint NOT NULL
);


--
-- Name: audit_records; Type: TABLE; Schema: fixture_v3; Owner: -
--

CREATE TABLE fixture_v3.audit_records (
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
-- Name: events; Type: TABLE; Schema: fixture_v3; Owner: -
--

CREATE TABLE fixture_v3.events (
    sequence bigint NOT NULL,
    signal_id bigint NOT NULL,
    other_signal_id bigint,
    type text NOT NULL,
    schema_version integer NOT NULL,
    occurred_ticks bigint NOT NULL,
    payload jsonb NOT NULL
);


--
-- Name: events_sequence_seq; Type: SEQUENCE; Schema: fixture_v3; Owner: -
--

CREATE SEQUENCE fixture_v3.events_sequence_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: events_sequence_seq; Type: SEQUENCE OWNED BY; Schema: fixture_v3; Owner: -
--

ALTER SEQUENCE fixture_v3.events_sequence_seq OWNED BY fixture_v3.events.sequence;


--
-- Name: family_members; Type: TABLE; Schema: fixture_v3; Owner: -
--

CREATE TABLE fixture_v3.family_members (
    family_id integer NOT NULL,
    "position" integer NOT NULL,
    role smallint NOT NULL,
    member integer NOT NULL
);


--
-- Name: idempotency_keys; Type: TABLE; Schema: fixture_v3; Owner: -
--

CREATE TABLE fixture_v3.idempotency_keys (
    key text NOT NULL,
    at_ticks bigint NOT NULL,
    schema_version integer NOT NULL,
    answer jsonb NOT NULL
);


--
-- Name: idempotency_signals; Type: TABLE; Schema: fixture_v3; Owner: -
--

CREATE TABLE fixture_v3.idempotency_signals (
    key text NOT NULL,
    signal_id bigint NOT NULL
);


--
-- Name: schema_info; Type: TABLE; Schema: fixture_v3; Owner: -
--

CREATE TABLE fixture_v3.schema_info (
    version integer NOT NULL
);


--
-- Name: signals; Type: TABLE; Schema: fixture_v3; Owner: -
--

CREATE TABLE fixture_v3.signals (
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
    schema_version integer NOT NULL
);


--
-- Name: store_settings; Type: TABLE; Schema: fixture_v3; Owner: -
--

CREATE TABLE fixture_v3.store_settings (
    name text NOT NULL,
    value text NOT NULL
);


--
-- Name: stream_events; Type: TABLE; Schema: fixture_v3; Owner: -
--

CREATE TABLE fixture_v3.stream_events (
    kind text NOT NULL,
    stream text NOT NULL,
    version integer NOT NULL,
    type text NOT NULL,
    schema_version integer NOT NULL,
    at_ticks bigint NOT NULL,
    payload jsonb NOT NULL
);


--
-- Name: events sequence; Type: DEFAULT; Schema: fixture_v3; Owner: -
--

ALTER TABLE ONLY fixture_v3.events ALTER COLUMN sequence SET DEFAULT nextval('fixture_v3.events_sequence_seq'::regclass);


--
-- Data for Name: audit_genesis; Type: TABLE DATA; Schema: fixture_v3; Owner: -
--



--
-- Data for Name: audit_records; Type: TABLE DATA; Schema: fixture_v3; Owner: -
--

INSERT INTO fixture_v3.audit_records VALUES (1, 17963876934754603, 'amw-coordinator', 3, 2, 'QuickStart', '1ee64cf72d04f918f3eb7eb98beb7996', 1, 4, 'plan of case-1', 2, NULL, false, '0000000000000000000000000000000000000000000000000000000000000000', '8f37f36261d07975fdeee80f1c9fa5cbb172687d2543c9ebdb549d5542c6db77');
INSERT INTO fixture_v3.audit_records VALUES (2, 17963876935002430, 'zonnetje-user', 1, 4, 'QuickStart', '06c161b08ce0cc35eb3193aef87a1455', 6, 1, 'active signals (R1 own signals)', NULL, NULL, true, '8f37f36261d07975fdeee80f1c9fa5cbb172687d2543c9ebdb549d5542c6db77', 'cf3efc03294f6abaadfa6cb304ca8a7933fa51d6479ff0dc3778f48b8a94fa3b');
INSERT INTO fixture_v3.audit_records VALUES (3, 17963876935047501, 'amw-coordinator', 3, 2, 'QuickStart', '06c161b08ce0cc35eb3193aef87a1455', 6, 1, 'active signals (R4 shared details)', NULL, NULL, true, 'cf3efc03294f6abaadfa6cb304ca8a7933fa51d6479ff0dc3778f48b8a94fa3b', '77d4921f1300e1edebd567656cb6a414a605e67016448b1e8bfdc54583be860f');
INSERT INTO fixture_v3.audit_records VALUES (4, 17963876935164852, 'amw-coordinator', 3, 2, 'QuickStart', '06c161b08ce0cc35eb3193aef87a1455', 1, 1, 'active signals', 3, 'consent-1', false, '77d4921f1300e1edebd567656cb6a414a605e67016448b1e8bfdc54583be860f', 'a06bc2f1a50dc44440cc2930f454143a2997ea7e72588932014ff0d92987be78');
INSERT INTO fixture_v3.audit_records VALUES (5, 17963876935181664, 'zorgregisseur', 4, 5, 'QuickStart', NULL, 1, 6, 'coordination overview', 7, NULL, false, 'a06bc2f1a50dc44440cc2930f454143a2997ea7e72588932014ff0d92987be78', 'e408a154ddf2c2c889fe60874c5ea496798b6b1025aae55815717781d6c5ba01');
INSERT INTO fixture_v3.audit_records VALUES (6, 17963876935583286, 'parent-verified-by-digid', 6, NULL, 'Municipal portal', '06c161b08ce0cc35eb3193aef87a1455', 5, 8, 'subject access document', 6, NULL, false, 'e408a154ddf2c2c889fe60874c5ea496798b6b1025aae55815717781d6c5ba01', '87b1a0112755149b8a18ef4997edb7efb193124d960a8fbf13de3a1563acb3f8');
INSERT INTO fixture_v3.audit_records VALUES (7, 17963876936022570, 'privacy-officer', 5, 5, 'QuickStart', NULL, 1, 7, 'audit trail', 5, NULL, false, '87b1a0112755149b8a18ef4997edb7efb193124d960a8fbf13de3a1563acb3f8', '6e839eb96695082a45f6053a35999b449cff4b56b866ed7d49531fcaff1de1d3');
INSERT INTO fixture_v3.audit_records VALUES (8, 17963876936307310, 'zorgregisseur', 4, 5, 'QuickStart', NULL, 1, 6, 'coordination overview', 7, NULL, false, '6e839eb96695082a45f6053a35999b449cff4b56b866ed7d49531fcaff1de1d3', 'a613f5fe3909ed6bac1a4671aaaa7a6ca3a3e4a4289a2db0488c074228da6f9c');


--
-- Data for Name: events; Type: TABLE DATA; Schema: fixture_v3; Owner: -
--

INSERT INTO fixture_v3.events VALUES (1, 1, NULL, 'SignalRegistered', 1, 17963876929498249, '{"At": "2026-12-04T12:34:52.9498249Z", "Route": "ReferenceIndex", "Expiry": "ActivePeriodEnds", "Reason": null, "Signal": 1, "Reporter": 101, "ExpiresOn": "2028-12-04", "Organisation": 1, "RegisteredAt": "2026-12-04T12:34:52.9498249Z"}');
INSERT INTO fixture_v3.events VALUES (2, 2, NULL, 'SignalRegistered', 1, 17963876932809872, '{"At": "2026-12-04T12:34:53.2809872Z", "Route": "ReferenceIndex", "Expiry": "ActivePeriodEnds", "Reason": null, "Signal": 2, "Reporter": 201, "ExpiresOn": "2028-12-04", "Organisation": 2, "RegisteredAt": "2026-12-04T12:34:53.2809872Z"}');
INSERT INTO fixture_v3.events VALUES (3, 2, 1, 'MatchFound', 1, 17963876932809872, '{"Kind": "Family", "Family": 1, "Signal": 2, "FoundAt": "2026-12-04T12:34:53.2809872Z", "Reporter": 201, "OtherSignal": 1, "Organisation": 2, "OtherReporter": 101, "MatchCoordinator": 2, "OtherOrganisation": 1}');
INSERT INTO fixture_v3.events VALUES (4, 3, NULL, 'SignalRegistered', 1, 17963876933234134, '{"At": "2026-12-04T12:34:53.3234134Z", "Route": "ReferenceIndex", "Expiry": "ActivePeriodEnds", "Reason": null, "Signal": 3, "Reporter": 301, "ExpiresOn": "2028-12-04", "Organisation": 3, "RegisteredAt": "2026-12-04T12:34:53.3234134Z"}');
INSERT INTO fixture_v3.events VALUES (5, 3, 1, 'MatchFound', 1, 17963876933234134, '{"Kind": "SameYouth", "Family": null, "Signal": 3, "FoundAt": "2026-12-04T12:34:53.3234134Z", "Reporter": 301, "OtherSignal": 1, "Organisation": 3, "OtherReporter": 101, "MatchCoordinator": 3, "OtherOrganisation": 1}');
INSERT INTO fixture_v3.events VALUES (6, 3, 2, 'MatchFound', 1, 17963876933234134, '{"Kind": "Family", "Family": 1, "Signal": 3, "FoundAt": "2026-12-04T12:34:53.3234134Z", "Reporter": 301, "OtherSignal": 2, "Organisation": 3, "OtherReporter": 201, "MatchCoordinator": 3, "OtherOrganisation": 2}');


--
-- Data for Name: family_members; Type: TABLE DATA; Schema: fixture_v3; Owner: -
--

INSERT INTO fixture_v3.family_members VALUES (1, 0, 0, 111222333);
INSERT INTO fixture_v3.family_members VALUES (1, 1, 0, 123456782);


--
-- Data for Name: idempotency_keys; Type: TABLE DATA; Schema: fixture_v3; Owner: -
--



--
-- Data for Name: idempotency_signals; Type: TABLE DATA; Schema: fixture_v3; Owner: -
--



--
-- Data for Name: schema_info; Type: TABLE DATA; Schema: fixture_v3; Owner: -
--

INSERT INTO fixture_v3.schema_info VALUES (3);


--
-- Data for Name: signals; Type: TABLE DATA; Schema: fixture_v3; Owner: -
--

INSERT INTO fixture_v3.signals VALUES (1, 111222333, 1, 101, 17963876929498249, 1, 740684, 1, 1, false, 3);
INSERT INTO fixture_v3.signals VALUES (2, 123456782, 2, 201, 17963876932809872, 1, 740684, 1, 1, false, 3);
INSERT INTO fixture_v3.signals VALUES (3, 111222333, 3, 301, 17963876933234134, 1, 740684, 1, 1, false, 3);


--
-- Data for Name: store_settings; Type: TABLE DATA; Schema: fixture_v3; Owner: -
--

INSERT INTO fixture_v3.store_settings VALUES ('youth_keying', 'bsn');


--
-- Data for Name: stream_events; Type: TABLE DATA; Schema: fixture_v3; Owner: -
--

INSERT INTO fixture_v3.stream_events VALUES ('information-obligation', '1', 1, 'InformationObligation', 1, 17963876931050099, '{"DueOn": "2027-01-01", "Youth": 111222333, "Signal": 1, "Informed": "None", "MustInform": "Parents", "IsFulfilled": false, "Organisation": 1, "LastInformedAt": null, "PostponedBecause": null}');
INSERT INTO fixture_v3.stream_events VALUES ('information-obligation', '2', 1, 'InformationObligation', 1, 17963876932946816, '{"DueOn": "2027-01-01", "Youth": 123456782, "Signal": 2, "Informed": "None", "MustInform": "Parents", "IsFulfilled": false, "Organisation": 2, "LastInformedAt": null, "PostponedBecause": null}');
INSERT INTO fixture_v3.stream_events VALUES ('case', '1', 1, 'CaseOpened', 1, 17963876933021595, '{"At": "2026-12-04T12:34:53.3021595Z", "Case": 1, "Route": "ReferenceIndex", "Family": 1, "Youths": [123456782, 111222333], "Meeting": "Casusoverleg CJG", "ConcernSince": "2026-12-04T12:34:53.2809872Z", "Organisations": [1, 2]}');
INSERT INTO fixture_v3.stream_events VALUES ('information-obligation', '3', 1, 'InformationObligation', 1, 17963876933252357, '{"DueOn": "2027-01-01", "Youth": 111222333, "Signal": 3, "Informed": "None", "MustInform": "Parents", "IsFulfilled": false, "Organisation": 3, "LastInformedAt": null, "PostponedBecause": null}');
INSERT INTO fixture_v3.stream_events VALUES ('case', '1', 2, 'IntakeJoined', 1, 17963876933264523, '{"At": "2026-12-04T12:34:53.3264523Z", "Case": 1, "Route": "ReferenceIndex", "NewYouths": [], "NewOrganisations": [3]}');
INSERT INTO fixture_v3.stream_events VALUES ('family', '1', 1, 'FamilyRecorded', 1, 17963876933489216, '{"Id": 1, "Carers": [], "Youths": [111222333, 123456782]}');
INSERT INTO fixture_v3.stream_events VALUES ('coordinator', '1', 1, 'CoordinatorJoinedPool', 1, 17963876933558896, '{"Id": 1, "Training": "General", "WeeklyHours": 4, "Organisation": 5, "Professional": 511}');
INSERT INTO fixture_v3.stream_events VALUES ('coordinator', '2', 1, 'CoordinatorJoinedPool', 1, 17963876933650652, '{"Id": 2, "Training": "Specialist", "WeeklyHours": 8, "Organisation": 2, "Professional": 211}');
INSERT INTO fixture_v3.stream_events VALUES ('case', '1', 3, 'IntakeJoined', 1, 17963876933767954, '{"At": "2026-12-04T12:34:53.3767954Z", "Case": 1, "Route": "CareNetwork", "NewYouths": [], "NewOrganisations": [6]}');
INSERT INTO fixture_v3.stream_events VALUES ('case', '1', 4, 'CaseAssessed', 1, 17963876933873160, '{"At": "2026-12-04T12:34:53.387316Z", "To": "General", "Case": 1, "From": "None", "Reasons": ["4 organisations are involved (rule: 3 or more need general coordination).", "The family has problems in 2 domains (Parenting, Debt) (rule: 2 or more need general coordination)."], "CoreProblem": "Debt", "ProblemDomains": "Parenting, Debt", "InvolvedOrganisations": []}');
INSERT INTO fixture_v3.stream_events VALUES ('case', '1', 5, 'CoordinatorAssigned', 1, 17963876934056348, '{"At": "2026-12-04T12:34:53.4056348Z", "Case": 1, "Reason": "org-2 fits the core problem (Debt) and already knows the family; coordinator-2 had 8 of 8 hours free.", "Fallback": false, "Coordinator": 2, "Organisation": 2}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 1, 'PlanDrafted', 1, 17963876934193762, '{"At": "2026-12-04T12:34:53.4193762Z", "By": 201, "Plan": 1, "TimeZone": "Europe/Amsterdam", "CoordinatorOrganisation": 2}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 2, 'GoalSet', 1, 17963876934256708, '{"At": "2026-12-04T12:34:53.4256708Z", "By": 201, "Plan": 1, "Number": 1, "Description": "The parents have an overview of their debts and a payment plan"}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 3, 'GoalSet', 1, 17963876934256708, '{"At": "2026-12-04T12:34:53.4256708Z", "By": 201, "Plan": 1, "Number": 2, "Description": "Sam goes to school every day"}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 4, 'ActionAgreed', 1, 17963876934256708, '{"At": "2026-12-04T12:34:53.4256708Z", "By": 201, "Plan": 1, "Action": {"Due": "2026-12-18", "Goal": 1, "Kind": "Help", "Owner": 2, "Number": 1, "Status": "Agreed", "Description": "Debt counselling intake", "Professional": 201, "WaitingListReason": null}}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 5, 'ActionAgreed', 1, 17963876934256708, '{"At": "2026-12-04T12:34:53.4256708Z", "By": 201, "Plan": 1, "Action": {"Due": "2026-12-25", "Goal": 2, "Kind": "Help", "Owner": 1, "Number": 2, "Status": "Agreed", "Description": "Parenting support at home", "Professional": 101, "WaitingListReason": null}}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 6, 'AgreementMade', 1, 17963876934256708, '{"At": "2026-12-04T12:34:53.4256708Z", "By": 201, "Plan": 1, "Text": "JGZ and AMW visit together once a month", "Parties": [1, 2]}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 7, 'FamilyAgreed', 1, 17963876934256708, '{"At": "2026-12-04T12:34:53.4256708Z", "By": 201, "Plan": 1, "Member": "Parents"}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 8, 'ActionCompleted', 1, 17963876934399184, '{"At": "2026-12-04T12:34:53.4399184Z", "By": 201, "Plan": 1, "Number": 1}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 9, 'EscalationStepped', 1, 17963876934447605, '{"At": "2026-12-04T12:34:53.4447605Z", "By": 201, "To": "Executors", "From": "None", "Plan": 1, "Reason": "1 action(s) overdue by more than 7 days: #2 of org-1, due 2026-12-25.", "Trigger": "Stall", "Deadline": "2027-01-17"}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 10, 'EscalationStepped', 1, 17963876934592597, '{"At": "2026-12-04T12:34:53.4592597Z", "By": 201, "To": "Management", "From": "Executors", "Plan": 1, "Reason": "1 action(s) overdue by more than 7 days: #2 of org-1, due 2026-12-25.", "Trigger": "DeadlinePassed", "Deadline": "2027-02-01"}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 11, 'EscalationStepped', 1, 17963876934620826, '{"At": "2026-12-04T12:34:53.4620826Z", "By": 201, "To": "Municipality", "From": "Management", "Plan": 1, "Reason": "1 action(s) overdue by more than 7 days: #2 of org-1, due 2026-12-25.", "Trigger": "DeadlinePassed", "Deadline": "2027-03-02"}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 12, 'EnforcementOrdered', 1, 17963876934856112, '{"At": "2026-12-04T12:34:53.4856112Z", "By": 9001, "Plan": 1, "Order": {"By": "2027-02-09", "Ordered": "Start the parenting support within one week", "Provider": 1, "DecidedBy": 9001}}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 13, 'ActionCompleted', 1, 17963876934919702, '{"At": "2026-12-04T12:34:53.4919702Z", "By": 101, "Plan": 1, "Number": 2}');
INSERT INTO fixture_v3.stream_events VALUES ('plan', '1', 14, 'EscalationStepped', 1, 17963876934943954, '{"At": "2026-12-04T12:34:53.4943954Z", "By": 201, "To": "None", "From": "Municipality", "Plan": 1, "Reason": "The plan moves again: no stagnation remains.", "Trigger": "PlanMoves", "Deadline": null}');
INSERT INTO fixture_v3.stream_events VALUES ('consent', '1', 1, 'ConsentGiven', 1, 17963876935079920, '{"Id": 1, "End": null, "Start": "2026-12-04T12:34:53.507992Z", "Youth": 111222333, "GivenBy": "Parents", "Purpose": "Coordination", "Recipients": [2]}');
INSERT INTO fixture_v3.stream_events VALUES ('case', '1', 6, 'CaseAssessed', 1, 17963876936043162, '{"At": "2026-12-04T12:34:53.6043162Z", "To": "Specialist", "Case": 1, "From": "General", "Reasons": ["4 organisations are involved (rule: 3 or more need general coordination).", "The family has problems in 3 domains (Parenting, Debt, Safety) (rule: 2 or more need general coordination).", "The child''s safety is threatened (rule: a threat to safety needs specialist coordination).", "A supervision order (OTS) hands coordination over to youth protection."], "CoreProblem": "Safety", "ProblemDomains": "Parenting, Debt, Safety", "InvolvedOrganisations": []}');
INSERT INTO fixture_v3.stream_events VALUES ('case', '1', 7, 'CoordinatorReleased', 1, 17963876936092374, '{"At": "2026-12-04T12:34:53.6092374Z", "Case": 1, "Reason": "coordination handed over to youth protection (SupervisionOrder)", "Coordinator": 2}');
INSERT INTO fixture_v3.stream_events VALUES ('case', '1', 8, 'CaseHandedOver', 1, 17963876936092374, '{"At": "2026-12-04T12:34:53.6092374Z", "Case": 1, "Handover": {"Measure": "SupervisionOrder", "Agreements": "OTS for one year; AMW keeps the debt counselling, JGZ the check-ups.", "YouthProtection": 3, "FeedbackInterval": "42:00:00:00", "InvolvedOrganisations": [1, 2, 6]}}');


--
-- Name: events_sequence_seq; Type: SEQUENCE SET; Schema: fixture_v3; Owner: -
--

SELECT pg_catalog.setval('fixture_v3.events_sequence_seq', 6, true);


--
-- Name: audit_records audit_records_pkey; Type: CONSTRAINT; Schema: fixture_v3; Owner: -
--

ALTER TABLE ONLY fixture_v3.audit_records
    ADD CONSTRAINT audit_records_pkey PRIMARY KEY (sequence);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: fixture_v3; Owner: -
--

ALTER TABLE ONLY fixture_v3.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (sequence);


--
-- Name: family_members family_members_pkey; Type: CONSTRAINT; Schema: fixture_v3; Owner: -
--

ALTER TABLE ONLY fixture_v3.family_members
    ADD CONSTRAINT family_members_pkey PRIMARY KEY (family_id, "position");


--
-- Name: idempotency_keys idempotency_keys_pkey; Type: CONSTRAINT; Schema: fixture_v3; Owner: -
--

ALTER TABLE ONLY fixture_v3.idempotency_keys
    ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (key);


--
-- Name: idempotency_signals idempotency_signals_pkey; Type: CONSTRAINT; Schema: fixture_v3; Owner: -
--

ALTER TABLE ONLY fixture_v3.idempotency_signals
    ADD CONSTRAINT idempotency_signals_pkey PRIMARY KEY (key, signal_id);


--
-- Name: signals signals_pkey; Type: CONSTRAINT; Schema: fixture_v3; Owner: -
--

ALTER TABLE ONLY fixture_v3.signals
    ADD CONSTRAINT signals_pkey PRIMARY KEY (id);


--
-- Name: store_settings store_settings_pkey; Type: CONSTRAINT; Schema: fixture_v3; Owner: -
--

ALTER TABLE ONLY fixture_v3.store_settings
    ADD CONSTRAINT store_settings_pkey PRIMARY KEY (name);


--
-- Name: stream_events stream_events_pkey; Type: CONSTRAINT; Schema: fixture_v3; Owner: -
--

ALTER TABLE ONLY fixture_v3.stream_events
    ADD CONSTRAINT stream_events_pkey PRIMARY KEY (kind, stream, version);


--
-- Name: events_other_signal; Type: INDEX; Schema: fixture_v3; Owner: -
--

CREATE INDEX events_other_signal ON fixture_v3.events USING btree (other_signal_id);


--
-- Name: events_signal; Type: INDEX; Schema: fixture_v3; Owner: -
--

CREATE INDEX events_signal ON fixture_v3.events USING btree (signal_id);


--
-- Name: idempotency_signals_signal; Type: INDEX; Schema: fixture_v3; Owner: -
--

CREATE INDEX idempotency_signals_signal ON fixture_v3.idempotency_signals USING btree (signal_id);


--
-- Name: signals_youth; Type: INDEX; Schema: fixture_v3; Owner: -
--

CREATE INDEX signals_youth ON fixture_v3.signals USING btree (youth);


--
-- PostgreSQL database dump complete
--


