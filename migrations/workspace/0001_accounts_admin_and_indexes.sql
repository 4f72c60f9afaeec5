ALTER TABLE "accounts" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "contributions_evaluation" ON "contributions" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "criteria_evaluation" ON "criteria" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "feedback_evaluation" ON "feedback" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "findings_evaluation" ON "findings" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "indicator_links_evaluation" ON "indicator_links" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "objectives_evaluation" ON "objectives" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "questions_evaluation" ON "questions" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "recommendations_evaluation" ON "recommendations" USING btree ("evaluation_id");