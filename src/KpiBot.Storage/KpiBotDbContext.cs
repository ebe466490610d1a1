using KpiBot.Storage.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage;

/// <summary>
/// The shared model. Each provider has its own derived context (<see cref="SqliteKpiBotDbContext"/>,
/// <see cref="PostgresKpiBotDbContext"/>) so that each keeps its own migration set. Names are snake_case (set with
/// the provider in <see cref="StorageServiceCollectionExtensions.ConfigureSqlite"/> and
/// <see cref="StorageServiceCollectionExtensions.ConfigurePostgres"/>, so every way of building a context — the host's
/// pool, tests, dotnet-ef — gets the same names); amounts are 64-bit integers scaled by 10,000 (see
/// <see cref="ScaledValue"/>). Contexts are pooled: a context keeps no state of its own beyond what EF resets.
/// </summary>
public abstract class KpiBotDbContext : DbContext, IDataProtectionKeyContext
{
    protected KpiBotDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<TeamRow> Teams => Set<TeamRow>();
    public DbSet<PersonRow> People => Set<PersonRow>();
    public DbSet<ChatIdentityRow> ChatIdentities => Set<ChatIdentityRow>();
    public DbSet<GoalImportRow> GoalImports => Set<GoalImportRow>();
    public DbSet<GoalNodeRow> GoalNodes => Set<GoalNodeRow>();
    public DbSet<GoalTargetRow> GoalTargets => Set<GoalTargetRow>();
    public DbSet<CheckInEntryRow> CheckInEntries => Set<CheckInEntryRow>();
    public DbSet<CheckInAuditRow> CheckInAudit => Set<CheckInAuditRow>();
    public DbSet<OutcomeReportRow> OutcomeReports => Set<OutcomeReportRow>();
    public DbSet<OutcomeAuditRow> OutcomeAudit => Set<OutcomeAuditRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();
    public DbSet<IdempotencyRow> IdempotencyKeys => Set<IdempotencyRow>();
    public DbSet<TimeOffRow> TimeOff => Set<TimeOffRow>();
    public DbSet<DaySkipRow> DaySkips => Set<DaySkipRow>();
    public DbSet<BlockerRow> Blockers => Set<BlockerRow>();
    public DbSet<ChannelLinkRow> ChannelLinks => Set<ChannelLinkRow>();
    public DbSet<DeliveryRow> Deliveries => Set<DeliveryRow>();

    public DbSet<DispatchCursorRow> DispatchCursor => Set<DispatchCursorRow>();
    public DbSet<ChatUserRow> ChatUsers => Set<ChatUserRow>();
    public DbSet<InboundSeenRow> InboundSeen => Set<InboundSeenRow>();
    public DbSet<ChatInstallationRow> ChatInstallations => Set<ChatInstallationRow>();
    public DbSet<SignInLinkRow> SignInLinks => Set<SignInLinkRow>();

    /// <summary>ASP.NET Data Protection's key ring, shared by every host (it encrypts stored workspace tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<TeamRow>(e =>
        {
            e.ToTable("teams");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).HasMaxLength(200);
        });

        modelBuilder.Entity<PersonRow>(e =>
        {
            e.ToTable("people");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(200);
            e.Property(p => p.Email).HasMaxLength(320);
            e.Property(p => p.EmailNormalized).HasMaxLength(320);
            e.Property(p => p.Role).HasMaxLength(20);
            // Unique among active people: an archived person's address may be given to someone new.
            e.HasIndex(p => p.EmailNormalized).IsUnique().HasFilter("archived_at IS NULL");
            e.HasIndex(p => p.TeamId);
            e.HasOne<TeamRow>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ChatIdentityRow>(e =>
        {
            e.ToTable("chat_identities");
            e.HasKey(c => c.Id);
            e.Property(c => c.Platform).HasMaxLength(20);
            e.Property(c => c.Tenant).HasMaxLength(200);
            e.Property(c => c.UserId).HasMaxLength(200);
            e.HasIndex(c => new { c.Platform, c.Tenant, c.UserId }).IsUnique();
            e.HasIndex(c => new { c.Platform, c.Tenant, c.PersonId }).IsUnique();
            e.HasIndex(c => c.PersonId); // a person's identities on every platform
            e.HasOne<PersonRow>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<GoalImportRow>(e =>
        {
            e.ToTable("goal_imports");
            e.HasKey(i => i.Version);
            e.Property(i => i.Version).ValueGeneratedNever();
            e.Property(i => i.Sha256).HasMaxLength(64);
        });

        modelBuilder.Entity<GoalNodeRow>(e =>
        {
            e.ToTable("goal_nodes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasMaxLength(200);
            e.Property(n => n.Kind).HasMaxLength(10);
            e.HasIndex(n => n.ParentId);
            e.HasIndex(n => n.TeamId);
        });

        modelBuilder.Entity<GoalTargetRow>(e =>
        {
            e.ToTable("goal_targets");
            e.HasKey(t => t.Id);
            e.Property(t => t.Period).HasMaxLength(20);
            e.HasIndex(t => new { t.NodeId, t.EffectiveFrom }).IsUnique();
            e.HasOne<GoalNodeRow>().WithMany().HasForeignKey(t => t.NodeId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CheckInEntryRow>(e =>
        {
            e.ToTable("checkin_entries");
            e.HasKey(c => c.Id);
            e.Property(c => c.Source).HasMaxLength(20);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.HasIndex(c => new { c.PersonId, c.NodeId, c.Day }).IsUnique();
            e.HasIndex(c => new { c.NodeId, c.Day });
            e.HasIndex(c => new { c.PersonId, c.Day }); // day states, history, last answered day
            e.HasOne<PersonRow>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<GoalNodeRow>().WithMany().HasForeignKey(c => c.NodeId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CheckInAuditRow>(e =>
        {
            e.ToTable("checkin_audit");
            e.HasKey(a => a.Id);
            e.Property(a => a.Source).HasMaxLength(20);
            e.HasIndex(a => new { a.PersonId, a.NodeId, a.Day });
            e.HasIndex(a => a.EntryId);
            e.HasOne<CheckInEntryRow>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TimeOffRow>(e =>
        {
            e.ToTable("time_off");
            e.HasKey(t => t.Id);
            e.HasIndex(t => new { t.PersonId, t.FirstDay });
            e.HasOne<PersonRow>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        ConfigureEngineTables(modelBuilder);
        ConfigureOutcomeTables(modelBuilder);
        ConfigureApiTables(modelBuilder);
        ConfigureDashboardTables(modelBuilder);
    }

    private static void ConfigureApiTables(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApiKeyRow>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.Scope).HasMaxLength(10);
            e.Property(k => k.TeamId).HasMaxLength(200);
            e.Property(k => k.Prefix).HasMaxLength(16);
            e.Property(k => k.SecretHash).HasMaxLength(64);
            e.Property(k => k.CreatedBy).HasMaxLength(200);
            e.HasIndex(k => k.Prefix).IsUnique();
            // A name is unique among active keys: a revoked key's name may be given to its replacement.
            e.HasIndex(k => k.Name).IsUnique().HasFilter("revoked_at IS NULL");
        });

        modelBuilder.Entity<IdempotencyRow>(e =>
        {
            e.ToTable("api_idempotency");
            e.HasKey(i => new { i.ApiKeyId, i.Key });
            e.Property(i => i.Key).HasMaxLength(200);
            e.Property(i => i.RequestHash).HasMaxLength(64);
            e.HasIndex(i => i.CreatedAt);
            e.HasOne<ApiKeyRow>().WithMany().HasForeignKey(i => i.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
        });

        // Keyset paging and streamed exports of check-ins read in (day, id) order.
        modelBuilder.Entity<CheckInEntryRow>().HasIndex(c => new { c.Day, c.Id });
    }

    private static void ConfigureDashboardTables(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SignInLinkRow>(e =>
        {
            e.ToTable("sign_in_links");
            e.HasKey(l => l.TokenHash);
            e.Property(l => l.TokenHash).HasMaxLength(64);
            e.Property(l => l.PersonId).HasMaxLength(200);
            e.HasIndex(l => l.ExpiresAt);
        });
    }

    private static void ConfigureOutcomeTables(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutcomeReportRow>(e =>
        {
            e.ToTable("outcome_reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.NodeId).HasMaxLength(200);
            e.Property(r => r.PersonId).HasMaxLength(200);
            e.Property(r => r.Source).HasMaxLength(40);
            e.Property(r => r.Note).HasMaxLength(2000);
            e.Property(r => r.Revision).IsConcurrencyToken();
            // One value per (node, period) for the whole node, one per (node, period, person) for per-person nodes.
            e.HasIndex(r => new { r.NodeId, r.PeriodStart }).IsUnique().HasFilter("person_id IS NULL")
                .HasDatabaseName("ix_outcome_reports_node_period_whole");
            e.HasIndex(r => new { r.NodeId, r.PeriodStart, r.PersonId }).IsUnique().HasFilter("person_id IS NOT NULL")
                .HasDatabaseName("ix_outcome_reports_node_period_person");
            e.HasOne<GoalNodeRow>().WithMany().HasForeignKey(r => r.NodeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PersonRow>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<OutcomeAuditRow>(e =>
        {
            e.ToTable("outcome_audit");
            e.HasKey(a => a.Id);
            e.Property(a => a.NodeId).HasMaxLength(200);
            e.Property(a => a.PersonId).HasMaxLength(200);
            e.Property(a => a.Source).HasMaxLength(40);
            e.Property(a => a.ChangedBy).HasMaxLength(200);
            e.Property(a => a.Note).HasMaxLength(2000);
            e.HasIndex(a => a.ReportId);
            e.HasOne<OutcomeReportRow>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureEngineTables(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DaySkipRow>(e =>
        {
            e.ToTable("day_skips");
            e.HasKey(s => s.Id);
            e.Property(s => s.Reason).HasMaxLength(500);
            e.HasIndex(s => new { s.PersonId, s.Day }).IsUnique();
            e.HasOne<PersonRow>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<BlockerRow>(e =>
        {
            e.ToTable("blockers");
            e.HasKey(b => b.Id);
            e.Property(b => b.ResolvedBy).HasMaxLength(200);
            // At most one open blocker per person; also serves "open blockers of these people".
            e.HasIndex(b => b.PersonId).IsUnique().HasFilter("resolved_at IS NULL").HasDatabaseName("ix_blockers_open_person_id");
            e.HasIndex(b => new { b.PersonId, b.Day });
            e.HasOne<PersonRow>().WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ChannelLinkRow>(e =>
        {
            e.ToTable("channel_links");
            e.HasKey(c => c.Id);
            e.Property(c => c.Platform).HasMaxLength(20);
            e.Property(c => c.Tenant).HasMaxLength(200);
            e.Property(c => c.ConversationId).HasMaxLength(400);
            e.Property(c => c.ServiceUrl).HasMaxLength(500);
            e.Property(c => c.TeamId).HasMaxLength(200);
            e.Property(c => c.LinkedBy).HasMaxLength(200);
            e.HasIndex(c => new { c.Platform, c.Tenant, c.ConversationId }).IsUnique();
            e.HasIndex(c => c.TeamId);
        });

        modelBuilder.Entity<DispatchCursorRow>(e =>
        {
            e.ToTable("dispatch_cursor");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
        });

        modelBuilder.Entity<ChatUserRow>(e =>
        {
            e.ToTable("chat_users");
            e.HasKey(c => c.Id);
            e.Property(c => c.Platform).HasMaxLength(20);
            e.Property(c => c.Tenant).HasMaxLength(200);
            e.Property(c => c.UserId).HasMaxLength(200);
            e.Property(c => c.Email).HasMaxLength(320);
            e.Property(c => c.TimeZone).HasMaxLength(64);
            e.Property(c => c.Locale).HasMaxLength(35);
            e.HasIndex(c => new { c.Platform, c.Tenant, c.UserId }).IsUnique();
            e.HasIndex(c => c.ProfileChangedAt);
        });

        modelBuilder.Entity<InboundSeenRow>(e =>
        {
            e.ToTable("inbound_seen");
            e.HasKey(s => new { s.Platform, s.Key });
            e.Property(s => s.Platform).HasMaxLength(20);
            e.Property(s => s.Key).HasMaxLength(200);
            e.HasIndex(s => s.SeenAt);
        });

        modelBuilder.Entity<ChatInstallationRow>(e =>
        {
            e.ToTable("chat_installations");
            e.HasKey(c => new { c.Platform, c.Tenant });
            e.Property(c => c.Platform).HasMaxLength(20);
            e.Property(c => c.Tenant).HasMaxLength(200);
        });

        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));

        modelBuilder.Entity<DeliveryRow>(e =>
        {
            e.ToTable("deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Key).HasMaxLength(300);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.RecipientId).HasMaxLength(200);
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.MessagePlatform).HasMaxLength(20);
            e.Property(d => d.MessageTenant).HasMaxLength(200);
            e.Property(d => d.MessageConversationId).HasMaxLength(400);
            e.Property(d => d.MessageId).HasMaxLength(200);
            e.Property(d => d.MessageServiceUrl).HasMaxLength(500);
            e.Property(d => d.Detail).HasMaxLength(2000);
            e.HasIndex(d => d.Key).IsUnique();
            // Stranded sweep: state = Pending AND enqueued_at IS NULL AND created_at < X.
            e.HasIndex(d => new { d.State, d.EnqueuedAt, d.CreatedAt });
            e.HasIndex(d => new { d.RecipientId, d.CreatedAt });
        });
    }
}
