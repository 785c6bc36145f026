namespace FenceZvm.Simulator.Faults;

public enum FaultKind
{
    /// <summary>Without a count: the port is bound but not listening (connect refused). With *N: reset the first N connections at accept.</summary>
    Refuse,
    CloseBeforeRequestId,
    CloseAfterRequestId,

    /// <summary>Read the request and never answer (until the client or the server goes away).</summary>
    Silence,

    /// <summary>Send response 1 (the request id, the acknowledgement), then never answer, without doing the work.</summary>
    SilenceAfterRequestId,

    /// <summary>Every byte written separately with a short pause.</summary>
    Fragment,
    WrongRequestId,

    /// <summary>Response 2 declares the argument as output_length, then sends the real body.</summary>
    OutputLength,

    /// <summary>Response 2 declares more bytes than it sends, then the connection closes.</summary>
    Truncated,
    Garbage,

    /// <summary>Waits the argument in milliseconds before response 2.</summary>
    Delay,

    /// <summary>Answers the argument RC/RS (no output) without doing the work.</summary>
    ReturnCode,

    /// <summary>Does the work, then answers the argument RC/RS (no output): a server error after the fact.</summary>
    ReturnCodeAfterWork,

    /// <summary>Does the work, keeps the response for Response_Recovery, closes before response 2.</summary>
    DropAfterWork,

    /// <summary>TLS server only: accepts the connection and never answers the TLS handshake.</summary>
    TlsStall,
}
