package org.openinfusion.station.bus;

/**
 * Every event-bus address of the station, in one place. Bodies are immutable records carried by
 * local codecs ({@link Codecs}). Documented in docs/architecture.md ("Event bus").
 */
public final class Addresses {
    /** Published: every accepted {@code NumericSample}. */
    public static final String NUMERIC = "station.obs.numeric";
    /** Published: every accepted {@code StateSample} (pump state, pump alarm). */
    public static final String STATE = "station.obs.state";
    /** Published: every accepted {@code WaveformChunk}. */
    public static final String WAVEFORM = "station.obs.waveform";
    /** Published: {@code DeviceStatus} from a device's status topic or Last Will. */
    public static final String DEVICE_STATUS = "station.device.status";
    /** Request/reply: {@code StoreRequest}; the reply (an Integer count) means the values are durable. */
    public static final String STORE = "station.storage.store";
    /** Request/reply: {@code StoreLines} (ready-made line protocol, e.g. the audit mirror); same replies as STORE. */
    public static final String STORE_LINES = "station.storage.lines";
    /** Published whenever a session changed: {@code SessionUpdate} (session events, infusion, prompts, alarms of one bed). */
    public static final String SESSION_UPDATE = "station.session.update";
    /** Request/reply: a {@code SessionCommand} (create, step, rating, alarm acknowledge/silence, marker) -> {@code CommandReply}; fails 400 refused, 404 no session. */
    public static final String SESSION_COMMAND = "station.session.command";
    /** Request/reply: {@code ViewRequest} -> {@code SessionView} of the bed's session; fails 404 when there is none. */
    public static final String SESSION_VIEW = "station.session.view";
    /** Request/reply: {@code UnblindRequest} -> {@code UnblindedArm}, emergency unblinding (authorised roles only, audited); 403 otherwise. */
    public static final String SESSION_UNBLIND = "station.session.unblind";
    /** Request/reply: any body -> {@code ProtocolChoices}, the protocols a session can be started under. */
    public static final String SESSION_PROTOCOLS = "station.session.protocols";
    /** Published every health interval: {@code HealthSnapshot}. */
    public static final String HEALTH = "station.health";
    /** Published on every change: {@code TechnicalAlarm} (e.g. the durable buffer is filling). */
    public static final String TECHNICAL_ALARM = "station.alarm.technical";

    /** Request/reply: {@code AuthMessages.SignInRequest} -> {@code AuthMessages.SignedIn}; fails 401 wrong password, 423 locked. */
    public static final String AUTH_SIGN_IN = "station.auth.sign_in";
    /** Request/reply: the token header names the sign-in to close; the body is the reason (e.g. "sign-out", "timeout"). */
    public static final String AUTH_SIGN_OUT = "station.auth.sign_out";
    /** Request/reply (admin): any body -> {@code AuthMessages.UserList}. */
    public static final String USERS_LIST = "station.users.list";
    /** Request/reply (admin): {@code AuthMessages.SaveUser} -> {@code AuthMessages.UserList}. */
    public static final String USERS_SAVE = "station.users.save";
    /** Request/reply (admin): {@code AuthMessages.Unlock} -> {@code AuthMessages.UserList}. */
    public static final String USERS_UNLOCK = "station.users.unlock";
    /** Request/reply (admin): {@code AuthMessages.SetDisabled} -> {@code AuthMessages.UserList}. */
    public static final String USERS_DISABLE = "station.users.disable";
    /** Request/reply (admin): {@code AuthMessages.ResetPassword} -> {@code AuthMessages.UserList}; the owner must change it at sign-in. */
    public static final String USERS_RESET_PASSWORD = "station.users.reset_password";
    /** Request/reply (any signed-in user, also one who must change the password): {@code AuthMessages.ChangePassword} -> true. */
    public static final String AUTH_CHANGE_PASSWORD = "station.auth.change_password";
    /** Request/reply (physician): {@code ReviewRequest.ListSessions} -> the matching sessions. */
    public static final String REVIEW_LIST = "station.review.list";
    /** Request/reply (physician): {@code ReviewRequest.OpenRecord} -> one session's record. */
    public static final String REVIEW_RECORD = "station.review.record";
    /** Request/reply (physician): {@code ReviewRequest.Trends} -> a zoomed window of the trends. */
    public static final String REVIEW_TRENDS = "station.review.trends";
    /** Request/reply (physician): {@code ReviewRequest.Waveform} -> the waveform around a moment. */
    public static final String REVIEW_WAVEFORM = "station.review.waveform";
    /** Request/reply (physician): {@code ReviewRequest.Sign} -> the signed record; fails 401/403/409. */
    public static final String REVIEW_SIGN = "station.review.sign";
    /** Request/reply (physician): {@code ReviewRequest.Sign} naming a rating visit -> {@code VisitSignOff.VisitSignatures}; fails 401/403/404/409/422/423. */
    public static final String REVIEW_SIGN_VISIT = "station.review.sign.visit";
    /** Request/reply (physician): {@code ReviewRequest.Amend} -> the amended record. */
    public static final String REVIEW_AMEND = "station.review.amend";
    /** Request/reply (physician): {@code ReviewRequest.Export} -> {@code ExportFile}. */
    public static final String REVIEW_EXPORT = "station.review.export";
    /** Request/reply (session run): a {@code VisitCommand} -> {@code VisitReply.Done}; fails 400 with the reason when refused. */
    public static final String VISIT_COMMAND = "station.visit.command";
    /** Request/reply (bedside view): a {@code VisitQuery} (clinic day, subject timeline) -> {@code VisitReply}. */
    public static final String VISIT_QUERY = "station.visit.query";
    /** Request/reply (nurse, physician): {@code TabletRequest.HandOver} -> {@code TabletRequest.Code}, a one-time code for a patient tablet. */
    public static final String TABLET_HANDOVER = "station.tablet.handover";
    /** Request/reply (nurse, physician): {@code TabletRequest.HandOverVisit} -> {@code TabletRequest.Code}, for a rating of an open rating visit. */
    public static final String TABLET_HANDOVER_VISIT = "station.tablet.handover.visit";
    /** Request/reply: {@code TabletRequest.Unlock} (the code) or {@code UnlockAsStaff} (staff token) -> {@code TabletRequest.Unlocked}; 403 refused. */
    public static final String TABLET_UNLOCK = "station.tablet.unlock";
    /** Request/reply: {@code TabletRequest.Lock} -> true; with a staff token in the header: taken back by that member of staff. */
    public static final String TABLET_LOCK = "station.tablet.lock";
    /** Request/reply: {@code TabletRequest.StillInUse} (an answer given on the tablet) -> whether the tablet is still unlocked. */
    public static final String TABLET_TOUCH = "station.tablet.touch";
    /** Published whenever a bed's alarms changed (raised, escalated, acknowledged, silenced, cleared, hold advised): that bed's {@code SessionView} after the change. */
    public static final String SESSION_ALARMS = "station.session.alarms";


    private Addresses() {
    }
}
