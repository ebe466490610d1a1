using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpiBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutcomeReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outcome_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    node_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    value_scaled = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_outcome_reports_goal_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "goal_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_outcome_reports_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outcome_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    report_id = table.Column<long>(type: "INTEGER", nullable: false),
                    node_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    old_value_scaled = table.Column<long>(type: "INTEGER", nullable: true),
                    new_value_scaled = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_audit", x => x.id);
                    table.ForeignKey(
                        name: "fk_outcome_audit_outcome_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "outcome_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outcome_audit_report_id",
                table: "outcome_audit",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_reports_node_period_person",
                table: "outcome_reports",
                columns: new[] { "node_id", "period_start", "person_id" },
                unique: true,
                filter: "person_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_reports_node_period_whole",
                table: "outcome_reports",
                columns: new[] { "node_id", "period_start" },
                unique: true,
                filter: "person_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_reports_person_id",
                table: "outcome_reports",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outcome_audit");

            migrationBuilder.DropTable(
                name: "outcome_reports");
        }
    }
}
