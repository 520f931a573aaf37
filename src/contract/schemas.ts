/**
 * This file was auto-generated from openapi/ by `npm run generate`.
 * Do not edit it by hand: change the spec and regenerate.
 */

import { z } from '@hono/zod-openapi';

const uniqueItems = (items: unknown[]) => new Set(items.map((item) => JSON.stringify(item))).size === items.length;

export const TaskStatus = z.enum(["open","in_progress","completed","cancelled"]).openapi("TaskStatus");
export type TaskStatus = z.infer<typeof TaskStatus>;

export const Money = z.string().regex(new RegExp("^\\d{1,10}\\.\\d{2}$")).openapi("Money");
export type Money = z.infer<typeof Money>;

export const Currency = z.enum(["usd","eur","gbp"]).openapi("Currency");
export type Currency = z.infer<typeof Currency>;

export const Category = z.object({ "id": z.int(), "slug": z.string().regex(new RegExp("^[a-z0-9]+(-[a-z0-9]+)*$")), "name": z.string(), "description": z.string() }).openapi("Category");
export type Category = z.infer<typeof Category>;

export const UserSummary = z.object({ "id": z.int(), "username": z.string(), "display_name": z.string(), "avatar_url": z.url().nullable(), "is_client": z.boolean(), "is_freelancer": z.boolean(), "rating": z.string().regex(new RegExp("^[1-5]\\.\\d{2}$")).nullable(), "reviews_count": z.int().gte(0) }).openapi("UserSummary");
export type UserSummary = z.infer<typeof UserSummary>;

export const TaskSummary = z.object({ "id": z.int(), "title": z.string(), "status": TaskStatus, "budget": Money, "currency": Currency, "category": Category, "client": UserSummary, "deadline": z.iso.datetime({ offset: true }).nullable(), "created_at": z.iso.datetime({ offset: true }) }).openapi("TaskSummary");
export type TaskSummary = z.infer<typeof TaskSummary>;

export const ApplicationStatus = z.enum(["pending","accepted","rejected","withdrawn"]).openapi("ApplicationStatus");
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const Application = z.object({ "id": z.int(), "task": TaskSummary, "freelancer": UserSummary, "proposal": z.string(), "bid_amount": Money, "currency": Currency, "status": ApplicationStatus, "created_at": z.iso.datetime({ offset: true }), "updated_at": z.iso.datetime({ offset: true }), "decided_at": z.iso.datetime({ offset: true }).nullable() }).openapi("Application");
export type Application = z.infer<typeof Application>;

export const ApplyToTaskRequest = z.strictObject({ "proposal": z.string().min(10).max(5000), "bid_amount": Money }).openapi("ApplyToTaskRequest");
export type ApplyToTaskRequest = z.infer<typeof ApplyToTaskRequest>;

export const ApplyToTaskResponse = z.object({ "application_id": z.int(), "status": ApplicationStatus, "task_id": z.int() }).openapi("ApplyToTaskResponse");
export type ApplyToTaskResponse = z.infer<typeof ApplyToTaskResponse>;

export const User = z.object({ "id": z.int(), "username": z.string(), "email": z.email(), "first_name": z.string(), "last_name": z.string(), "display_name": z.string(), "bio": z.string(), "avatar_url": z.url().nullable(), "location": z.string(), "hourly_rate": Money.nullable(), "currency": Currency, "is_client": z.boolean(), "is_freelancer": z.boolean(), "email_verified": z.boolean(), "rating": z.string().regex(new RegExp("^[1-5]\\.\\d{2}$")).nullable(), "reviews_count": z.int().gte(0), "date_joined": z.iso.datetime({ offset: true }) }).openapi("User");
export type User = z.infer<typeof User>;

export const AuthSession = z.object({ "access": z.string(), "refresh": z.string(), "user": User }).openapi("AuthSession");
export type AuthSession = z.infer<typeof AuthSession>;

export const CancelTaskRequest = z.strictObject({ "reason": z.string().max(1000).optional() }).openapi("CancelTaskRequest");
export type CancelTaskRequest = z.infer<typeof CancelTaskRequest>;

export const Skill = z.object({ "id": z.int(), "slug": z.string().regex(new RegExp("^[a-z0-9]+(-[a-z0-9]+)*$")), "name": z.string(), "category_id": z.int().nullable() }).openapi("Skill");
export type Skill = z.infer<typeof Skill>;

export const CategoryOverview = z.object({ "category": Category, "open_tasks": z.int().gte(0), "freelancers": z.int().gte(0), "popular_skills": z.array(Skill).max(5) }).openapi("CategoryOverview");
export type CategoryOverview = z.infer<typeof CategoryOverview>;

export const CategoryOverviewList = z.object({ "results": z.array(CategoryOverview) }).openapi("CategoryOverviewList");
export type CategoryOverviewList = z.infer<typeof CategoryOverviewList>;

export const CategorySuggestion = z.object({ "category": Category, "confidence": z.number().gte(0).lte(1) }).openapi("CategorySuggestion");
export type CategorySuggestion = z.infer<typeof CategorySuggestion>;

export const CategorySuggestionList = z.object({ "results": z.array(CategorySuggestion).max(3) }).openapi("CategorySuggestionList");
export type CategorySuggestionList = z.infer<typeof CategorySuggestionList>;

export const CategoryTaskCount = z.object({ "category_id": z.int(), "name": z.string(), "open_tasks": z.int().gte(0) }).openapi("CategoryTaskCount");
export type CategoryTaskCount = z.infer<typeof CategoryTaskCount>;

export const ChangePasswordRequest = z.strictObject({ "current_password": z.string().min(1).max(128), "new_password": z.string().min(10).max(128) }).openapi("ChangePasswordRequest");
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const ChatMessage = z.object({ "id": z.int(), "session_id": z.int(), "role": z.enum(["user","assistant"]), "content": z.string(), "rating": z.enum(["up","down"]).nullable(), "created_at": z.iso.datetime({ offset: true }) }).openapi("ChatMessage");
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatStreamDelta = z.object({ "content": z.string() }).openapi("ChatStreamDelta");
export type ChatStreamDelta = z.infer<typeof ChatStreamDelta>;

export const ChatSessionStatus = z.enum(["active","ended"]).openapi("ChatSessionStatus");
export type ChatSessionStatus = z.infer<typeof ChatSessionStatus>;

export const ChatResponse = z.object({ "session_id": z.int(), "user_message": ChatMessage, "reply": ChatMessage, "session_status": ChatSessionStatus, "task_draft_ready": z.boolean() }).openapi("ChatResponse");
export type ChatResponse = z.infer<typeof ChatResponse>;

export const ProblemCode = z.enum(["validation_error","not_authenticated","token_invalid","token_expired","invalid_credentials","permission_denied","not_found","method_not_allowed","invalid_state","already_exists","payload_too_large","invalid_signature","idempotency_key_reused","business_rule_violation","invalid_token","rate_limited","internal_error","not_implemented","payment_provider_error","service_unavailable","assistant_error","assistant_unavailable"]).openapi("ProblemCode");
export type ProblemCode = z.infer<typeof ProblemCode>;

export const Problem = z.object({ "type": z.string(), "title": z.string(), "status": z.int().gte(400).lte(599), "detail": z.string().optional(), "instance": z.string().optional(), "code": ProblemCode, "errors": z.record(z.string(), z.unknown()).optional(), "request_id": z.string().optional() }).openapi("Problem");
export type Problem = z.infer<typeof Problem>;

export const ChatStreamEvent = z.union([z.object({ "event": z.literal("user_message"), "data": ChatMessage }), z.object({ "event": z.literal("delta"), "data": ChatStreamDelta }), z.object({ "event": z.literal("done"), "data": ChatResponse }), z.object({ "event": z.literal("error"), "data": Problem })]).openapi("ChatStreamEvent");
export type ChatStreamEvent = z.infer<typeof ChatStreamEvent>;

export const ChatEventStream = z.string().openapi("ChatEventStream");
export type ChatEventStream = z.infer<typeof ChatEventStream>;

export const ChatRequest = z.strictObject({ "message": z.string().min(1).max(4000), "session_id": z.int().gte(1).lte(2147483647).nullable().optional() }).openapi("ChatRequest");
export type ChatRequest = z.infer<typeof ChatRequest>;

export const TaskDraft = z.object({ "title": z.string(), "description": z.string(), "category": Category.nullable(), "skills": z.array(Skill), "budget": Money.nullable(), "currency": Currency, "deadline": z.iso.datetime({ offset: true }).nullable(), "remote": z.boolean(), "location": z.string().max(120).nullable(), "missing_fields": z.array(z.enum(["title","description","category","skills","budget","deadline","location"])), "confidence": z.number().gte(0).lte(1) }).openapi("TaskDraft");
export type TaskDraft = z.infer<typeof TaskDraft>;

export const ChatSession = z.object({ "id": z.int(), "title": z.string(), "status": ChatSessionStatus, "messages": z.array(ChatMessage), "task_draft": TaskDraft.nullable(), "created_at": z.iso.datetime({ offset: true }), "ended_at": z.iso.datetime({ offset: true }).nullable() }).openapi("ChatSession");
export type ChatSession = z.infer<typeof ChatSession>;

export const ChatSessionSummary = z.object({ "id": z.int(), "title": z.string(), "status": ChatSessionStatus, "messages_count": z.int().gte(0), "last_message_at": z.iso.datetime({ offset: true }).nullable(), "created_at": z.iso.datetime({ offset: true }) }).openapi("ChatSessionSummary");
export type ChatSessionSummary = z.infer<typeof ChatSessionSummary>;

export const ChatbotStatistics = z.object({ "total_sessions": z.int().gte(0), "active_sessions": z.int().gte(0), "total_messages": z.int().gte(0), "tasks_extracted": z.int().gte(0), "ratings": z.object({ "up": z.int().gte(0), "down": z.int().gte(0) }), "tokens": z.object({ "prompt": z.int().gte(0), "completion": z.int().gte(0), "total": z.int().gte(0) }) }).openapi("ChatbotStatistics");
export type ChatbotStatistics = z.infer<typeof ChatbotStatistics>;

export const ChatbotStatus = z.object({ "available": z.boolean(), "provider": z.enum(["openai","offline"]), "model": z.string().nullable(), "features": z.array(z.enum(["chat","extract_task","suggest_category"])) }).openapi("ChatbotStatus");
export type ChatbotStatus = z.infer<typeof ChatbotStatus>;

export const ConfirmPasswordResetRequest = z.strictObject({ "token": z.string().min(1).max(256), "new_password": z.string().min(10).max(128) }).openapi("ConfirmPasswordResetRequest");
export type ConfirmPasswordResetRequest = z.infer<typeof ConfirmPasswordResetRequest>;

export const ConnectAccount = z.object({ "account_id": z.string().nullable(), "status": z.enum(["none","pending","restricted","active"]), "charges_enabled": z.boolean(), "payouts_enabled": z.boolean(), "details_submitted": z.boolean(), "requirements_due": z.array(z.string()), "country": z.string().regex(new RegExp("^[A-Z]{2}$")).nullable() }).openapi("ConnectAccount");
export type ConnectAccount = z.infer<typeof ConnectAccount>;

export const Message = z.object({ "id": z.int(), "conversation_id": z.int(), "sender": UserSummary, "content": z.string(), "is_read": z.boolean(), "read_at": z.iso.datetime({ offset: true }).nullable(), "created_at": z.iso.datetime({ offset: true }) }).openapi("Message");
export type Message = z.infer<typeof Message>;

export const Conversation = z.object({ "id": z.int(), "participants": z.array(UserSummary).min(2).max(2), "other_participant": UserSummary, "task": TaskSummary.nullable(), "last_message": Message.nullable(), "unread_count": z.int().gte(0), "created_at": z.iso.datetime({ offset: true }), "updated_at": z.iso.datetime({ offset: true }) }).openapi("Conversation");
export type Conversation = z.infer<typeof Conversation>;

export const ConversationRead = z.object({ "conversation_id": z.int(), "reader_id": z.int(), "marked_read": z.int().gte(1), "read_at": z.iso.datetime({ offset: true }) }).openapi("ConversationRead");
export type ConversationRead = z.infer<typeof ConversationRead>;

export const ConversationReadReceipt = z.object({ "conversation_id": z.int(), "marked_read": z.int().gte(0), "unread_count": z.int().gte(0) }).openapi("ConversationReadReceipt");
export type ConversationReadReceipt = z.infer<typeof ConversationReadReceipt>;

export const CreateConnectAccountRequest = z.strictObject({ "country": z.string().regex(new RegExp("^[A-Z]{2}$")), "business_type": z.enum(["individual","company"]).default("individual") }).openapi("CreateConnectAccountRequest");
export type CreateConnectAccountRequest = z.infer<typeof CreateConnectAccountRequest>;

export const CreateConversationRequest = z.strictObject({ "participant": z.string().min(3).max(30), "task_id": z.int().gte(1).lte(2147483647).nullable().optional(), "message": z.string().min(1).max(5000).optional() }).openapi("CreateConversationRequest");
export type CreateConversationRequest = z.infer<typeof CreateConversationRequest>;

export const WebUrl = z.url().max(500).regex(new RegExp("^https?://")).openapi("WebUrl");
export type WebUrl = z.infer<typeof WebUrl>;

export const CreateOnboardingLinkRequest = z.strictObject({ "return_url": WebUrl, "refresh_url": WebUrl }).openapi("CreateOnboardingLinkRequest");
export type CreateOnboardingLinkRequest = z.infer<typeof CreateOnboardingLinkRequest>;

export const CreatePaymentIntentRequest = z.strictObject({ "task_id": z.int().gte(1).lte(2147483647), "amount": Money, "currency": Currency }).openapi("CreatePaymentIntentRequest");
export type CreatePaymentIntentRequest = z.infer<typeof CreatePaymentIntentRequest>;

export const CreatePaymentMethodRequest = z.strictObject({ "payment_method_id": z.string().max(255).regex(new RegExp("^pm_[A-Za-z0-9_]+$")), "set_default": z.boolean().default(false) }).openapi("CreatePaymentMethodRequest");
export type CreatePaymentMethodRequest = z.infer<typeof CreatePaymentMethodRequest>;

export const CreateReviewRequest = z.strictObject({ "rating": z.int().gte(1).lte(5), "comment": z.string().max(2000).default("") }).openapi("CreateReviewRequest");
export type CreateReviewRequest = z.infer<typeof CreateReviewRequest>;

export const CreateTaskRequest = z.strictObject({ "title": z.string().min(5).max(120), "description": z.string().min(20).max(10000), "category": z.int().gte(1).lte(2147483647), "budget": Money, "currency": Currency, "deadline": z.iso.datetime({ offset: true }).nullable().optional(), "skills": z.array(z.int().gte(1).lte(2147483647)).max(10).refine(uniqueItems, { message: "Items must be unique." }).optional(), "remote": z.boolean().optional(), "location": z.string().max(120).nullable().optional() }).openapi("CreateTaskRequest");
export type CreateTaskRequest = z.infer<typeof CreateTaskRequest>;

export const CreateWithdrawalRequest = z.strictObject({ "amount": Money, "currency": Currency }).openapi("CreateWithdrawalRequest");
export type CreateWithdrawalRequest = z.infer<typeof CreateWithdrawalRequest>;

export const DeleteAccountRequest = z.strictObject({ "password": z.string().min(1).max(128) }).openapi("DeleteAccountRequest");
export type DeleteAccountRequest = z.infer<typeof DeleteAccountRequest>;

export const Detail = z.object({ "detail": z.string() }).openapi("Detail");
export type Detail = z.infer<typeof Detail>;

export const EmailAvailability = z.object({ "email": z.string(), "available": z.boolean(), "reason": z.enum(["taken","invalid"]).nullable() }).openapi("EmailAvailability");
export type EmailAvailability = z.infer<typeof EmailAvailability>;

export const EmailRequest = z.strictObject({ "email": z.email().max(254) }).openapi("EmailRequest");
export type EmailRequest = z.infer<typeof EmailRequest>;

export const EscrowStatus = z.enum(["pending_payment","funded","released","refunded","cancelled"]).openapi("EscrowStatus");
export type EscrowStatus = z.infer<typeof EscrowStatus>;

export const Escrow = z.object({ "id": z.int(), "task": TaskSummary, "client": UserSummary, "freelancer": UserSummary.nullable(), "amount": Money, "platform_fee": Money.nullable(), "freelancer_amount": Money.nullable(), "currency": Currency, "status": EscrowStatus, "payment_intent_id": z.string(), "created_at": z.iso.datetime({ offset: true }), "funded_at": z.iso.datetime({ offset: true }).nullable(), "released_at": z.iso.datetime({ offset: true }).nullable(), "refunded_at": z.iso.datetime({ offset: true }).nullable() }).openapi("Escrow");
export type Escrow = z.infer<typeof Escrow>;

export const NotificationType = z.enum(["application_received","application_accepted","application_rejected","message_received","task_completed","task_cancelled","review_received","payment_received","payment_released","payment_refunded","withdrawal_paid","withdrawal_failed"]).openapi("NotificationType");
export type NotificationType = z.infer<typeof NotificationType>;

export const NotificationTarget = z.object({ "kind": z.enum(["task","application","conversation","escrow","withdrawal","review"]), "id": z.int(), "url": z.string() }).openapi("NotificationTarget");
export type NotificationTarget = z.infer<typeof NotificationTarget>;

export const Notification = z.object({ "id": z.int(), "type": NotificationType, "title": z.string(), "body": z.string(), "is_read": z.boolean(), "read_at": z.iso.datetime({ offset: true }).nullable(), "actor": UserSummary.nullable(), "target": NotificationTarget.nullable(), "created_at": z.iso.datetime({ offset: true }) }).openapi("Notification");
export type Notification = z.infer<typeof Notification>;

export const StreamResync = z.object({ "reason": z.enum(["too_many_missed","too_old"]) }).openapi("StreamResync");
export type StreamResync = z.infer<typeof StreamResync>;

export const StreamEvent = z.object({ "id": z.string().regex(new RegExp("^\\d+$")), "event": z.enum(["notification.created","message.created","conversation.read","resync"]), "data": z.union([Notification, Message, ConversationRead, StreamResync]) }).openapi("StreamEvent");
export type StreamEvent = z.infer<typeof StreamEvent>;

export const EventStream = z.string().openapi("EventStream");
export type EventStream = z.infer<typeof EventStream>;

export const GoogleLoginRequest = z.strictObject({ "id_token": z.string().min(1).max(4096), "is_client": z.boolean().default(true), "is_freelancer": z.boolean().default(false) }).openapi("GoogleLoginRequest");
export type GoogleLoginRequest = z.infer<typeof GoogleLoginRequest>;

export const GoogleLoginResponse = z.object({ "access": z.string(), "refresh": z.string(), "user": User, "created": z.boolean() }).openapi("GoogleLoginResponse");
export type GoogleLoginResponse = z.infer<typeof GoogleLoginResponse>;

export const LoginRequest = z.strictObject({ "email": z.email().max(254), "password": z.string().min(1).max(128) }).openapi("LoginRequest");
export type LoginRequest = z.infer<typeof LoginRequest>;

export const MessagingStatistics = z.object({ "total_conversations": z.int().gte(0), "total_messages_sent": z.int().gte(0), "total_messages_received": z.int().gte(0), "unread_messages": z.int().gte(0), "unread_conversations": z.int().gte(0) }).openapi("MessagingStatistics");
export type MessagingStatistics = z.infer<typeof MessagingStatistics>;

export const MoneyAmount = z.object({ "amount": Money, "currency": Currency }).openapi("MoneyAmount");
export type MoneyAmount = z.infer<typeof MoneyAmount>;

export const UserSkill = z.object({ "skill": Skill, "level": z.enum(["beginner","intermediate","expert"]), "years_experience": z.int().gte(0).lte(60) }).openapi("UserSkill");
export type UserSkill = z.infer<typeof UserSkill>;

export const MySkillList = z.object({ "results": z.array(UserSkill) }).openapi("MySkillList");
export type MySkillList = z.infer<typeof MySkillList>;

export const MyTaskStatistics = z.object({ "as_client": z.object({ "tasks_posted": z.int().gte(0), "open": z.int().gte(0), "in_progress": z.int().gte(0), "completed": z.int().gte(0), "cancelled": z.int().gte(0), "total_spent": z.array(MoneyAmount) }), "as_freelancer": z.object({ "applications_sent": z.int().gte(0), "pending": z.int().gte(0), "accepted": z.int().gte(0), "rejected": z.int().gte(0), "tasks_completed": z.int().gte(0), "total_earned": z.array(MoneyAmount) }), "rating": z.string().regex(new RegExp("^[1-5]\\.\\d{2}$")).nullable(), "reviews_count": z.int().gte(0) }).openapi("MyTaskStatistics");
export type MyTaskStatistics = z.infer<typeof MyTaskStatistics>;

export const NotificationChannels = z.strictObject({ "in_app": z.boolean(), "email": z.boolean() }).openapi("NotificationChannels");
export type NotificationChannels = z.infer<typeof NotificationChannels>;

export const NotificationPreferences = z.strictObject({ "email_enabled": z.boolean(), "in_app_enabled": z.boolean(), "digest": z.enum(["none","daily","weekly"]), "types": z.strictObject({ "application_received": NotificationChannels, "application_accepted": NotificationChannels, "application_rejected": NotificationChannels, "message_received": NotificationChannels, "task_completed": NotificationChannels, "task_cancelled": NotificationChannels, "review_received": NotificationChannels, "payment_received": NotificationChannels, "payment_released": NotificationChannels, "payment_refunded": NotificationChannels, "withdrawal_paid": NotificationChannels, "withdrawal_failed": NotificationChannels }) }).openapi("NotificationPreferences");
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const NotificationsUpdated = z.object({ "updated": z.int().gte(0) }).openapi("NotificationsUpdated");
export type NotificationsUpdated = z.infer<typeof NotificationsUpdated>;

export const OnboardingLink = z.object({ "url": z.url(), "expires_at": z.iso.datetime({ offset: true }) }).openapi("OnboardingLink");
export type OnboardingLink = z.infer<typeof OnboardingLink>;

export const OnboardingRequest = z.strictObject({ "role": z.enum(["client","freelancer","both"]), "categories": z.array(z.int().gte(1).lte(2147483647)).min(1).max(6).refine(uniqueItems, { message: "Items must be unique." }), "skills": z.array(z.int().gte(1).lte(2147483647)).max(20).refine(uniqueItems, { message: "Items must be unique." }), "experience_level": z.enum(["entry","intermediate","expert"]), "hourly_rate": Money.nullable().optional(), "currency": Currency.optional(), "bio": z.string().max(2000).optional() }).openapi("OnboardingRequest");
export type OnboardingRequest = z.infer<typeof OnboardingRequest>;

export const OnboardingStatus = z.object({ "completed": z.boolean(), "completed_at": z.iso.datetime({ offset: true }).nullable(), "steps": z.object({ "profile": z.boolean(), "skills": z.boolean(), "preferences": z.boolean(), "payments": z.boolean() }), "next_step": z.enum(["profile","skills","preferences","payments"]).nullable() }).openapi("OnboardingStatus");
export type OnboardingStatus = z.infer<typeof OnboardingStatus>;

export const PaginatedApplicationList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(Application) }).openapi("PaginatedApplicationList");
export type PaginatedApplicationList = z.infer<typeof PaginatedApplicationList>;

export const PaginatedChatSessionSummaryList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(ChatSessionSummary) }).openapi("PaginatedChatSessionSummaryList");
export type PaginatedChatSessionSummaryList = z.infer<typeof PaginatedChatSessionSummaryList>;

export const PaginatedConversationList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(Conversation) }).openapi("PaginatedConversationList");
export type PaginatedConversationList = z.infer<typeof PaginatedConversationList>;

export const PaginatedMessageList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(Message) }).openapi("PaginatedMessageList");
export type PaginatedMessageList = z.infer<typeof PaginatedMessageList>;

export const PaginatedNotificationList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(Notification) }).openapi("PaginatedNotificationList");
export type PaginatedNotificationList = z.infer<typeof PaginatedNotificationList>;

export const PortfolioItem = z.object({ "id": z.int(), "title": z.string(), "description": z.string(), "url": z.url().nullable(), "image_url": z.url().nullable(), "skills": z.array(Skill), "completed_on": z.iso.date().nullable(), "created_at": z.iso.datetime({ offset: true }), "updated_at": z.iso.datetime({ offset: true }) }).openapi("PortfolioItem");
export type PortfolioItem = z.infer<typeof PortfolioItem>;

export const PaginatedPortfolioItemList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(PortfolioItem) }).openapi("PaginatedPortfolioItemList");
export type PaginatedPortfolioItemList = z.infer<typeof PaginatedPortfolioItemList>;

export const PublicUser = z.object({ "id": z.int(), "username": z.string(), "display_name": z.string(), "first_name": z.string(), "last_name": z.string(), "bio": z.string(), "avatar_url": z.url().nullable(), "location": z.string(), "hourly_rate": Money.nullable(), "currency": Currency, "is_client": z.boolean(), "is_freelancer": z.boolean(), "skills": z.array(Skill), "rating": z.string().regex(new RegExp("^[1-5]\\.\\d{2}$")).nullable(), "reviews_count": z.int().gte(0), "completed_tasks_count": z.int().gte(0), "date_joined": z.iso.datetime({ offset: true }) }).openapi("PublicUser");
export type PublicUser = z.infer<typeof PublicUser>;

export const PaginatedPublicUserList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(PublicUser) }).openapi("PaginatedPublicUserList");
export type PaginatedPublicUserList = z.infer<typeof PaginatedPublicUserList>;

export const Review = z.object({ "id": z.int(), "task_id": z.int(), "reviewer": UserSummary, "reviewee": UserSummary, "role": z.enum(["client_to_freelancer","freelancer_to_client"]), "rating": z.int().gte(1).lte(5), "comment": z.string(), "created_at": z.iso.datetime({ offset: true }) }).openapi("Review");
export type Review = z.infer<typeof Review>;

export const PaginatedReviewList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(Review) }).openapi("PaginatedReviewList");
export type PaginatedReviewList = z.infer<typeof PaginatedReviewList>;

export const SavedTask = z.object({ "id": z.int(), "task": TaskSummary, "saved_at": z.iso.datetime({ offset: true }) }).openapi("SavedTask");
export type SavedTask = z.infer<typeof SavedTask>;

export const PaginatedSavedTaskList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(SavedTask) }).openapi("PaginatedSavedTaskList");
export type PaginatedSavedTaskList = z.infer<typeof PaginatedSavedTaskList>;

export const ServiceOffering = z.object({ "id": z.int(), "freelancer": UserSummary, "title": z.string(), "description": z.string(), "category": Category, "skills": z.array(Skill), "price_from": Money, "currency": Currency, "delivery_days": z.int().gte(1).lte(365), "created_at": z.iso.datetime({ offset: true }) }).openapi("ServiceOffering");
export type ServiceOffering = z.infer<typeof ServiceOffering>;

export const PaginatedServiceOfferingList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(ServiceOffering) }).openapi("PaginatedServiceOfferingList");
export type PaginatedServiceOfferingList = z.infer<typeof PaginatedServiceOfferingList>;

export const Task = z.object({ "id": z.int(), "title": z.string(), "description": z.string(), "status": TaskStatus, "category": Category, "budget": Money, "currency": Currency, "deadline": z.iso.datetime({ offset: true }).nullable(), "skills": z.array(Skill), "remote": z.boolean(), "location": z.string().nullable(), "client": UserSummary, "freelancer": UserSummary.nullable(), "applications_count": z.int().gte(0), "accepted_application_id": z.int().nullable(), "created_at": z.iso.datetime({ offset: true }), "updated_at": z.iso.datetime({ offset: true }), "completed_at": z.iso.datetime({ offset: true }).nullable(), "cancelled_at": z.iso.datetime({ offset: true }).nullable() }).openapi("Task");
export type Task = z.infer<typeof Task>;

export const PaginatedTaskList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(Task) }).openapi("PaginatedTaskList");
export type PaginatedTaskList = z.infer<typeof PaginatedTaskList>;

export const WalletTransactionType = z.enum(["escrow_release","platform_fee","withdrawal","withdrawal_reversal","refund","adjustment"]).openapi("WalletTransactionType");
export type WalletTransactionType = z.infer<typeof WalletTransactionType>;

export const SignedMoney = z.string().regex(new RegExp("^-?\\d{1,10}\\.\\d{2}$")).openapi("SignedMoney");
export type SignedMoney = z.infer<typeof SignedMoney>;

export const WalletTransaction = z.object({ "id": z.int(), "type": WalletTransactionType, "amount": SignedMoney, "currency": Currency, "balance_after": Money, "description": z.string(), "escrow_id": z.int().nullable(), "withdrawal_id": z.int().nullable(), "created_at": z.iso.datetime({ offset: true }) }).openapi("WalletTransaction");
export type WalletTransaction = z.infer<typeof WalletTransaction>;

export const PaginatedWalletTransactionList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(WalletTransaction) }).openapi("PaginatedWalletTransactionList");
export type PaginatedWalletTransactionList = z.infer<typeof PaginatedWalletTransactionList>;

export const WithdrawalStatus = z.enum(["pending","processing","paid","failed"]).openapi("WithdrawalStatus");
export type WithdrawalStatus = z.infer<typeof WithdrawalStatus>;

export const Withdrawal = z.object({ "id": z.int(), "amount": Money, "currency": Currency, "status": WithdrawalStatus, "stripe_payout_id": z.string().nullable(), "failure_reason": z.string().nullable(), "created_at": z.iso.datetime({ offset: true }), "processed_at": z.iso.datetime({ offset: true }).nullable() }).openapi("Withdrawal");
export type Withdrawal = z.infer<typeof Withdrawal>;

export const PaginatedWithdrawalList = z.object({ "count": z.int().gte(0), "next": z.url().nullable(), "previous": z.url().nullable(), "results": z.array(Withdrawal) }).openapi("PaginatedWithdrawalList");
export type PaginatedWithdrawalList = z.infer<typeof PaginatedWithdrawalList>;

export const PartialUpdateTaskRequest = z.strictObject({ "title": z.string().min(5).max(120).optional(), "description": z.string().min(20).max(10000).optional(), "category": z.int().gte(1).lte(2147483647).optional(), "budget": Money.optional(), "currency": Currency.optional(), "deadline": z.iso.datetime({ offset: true }).nullable().optional(), "skills": z.array(z.int().gte(1).lte(2147483647)).max(10).refine(uniqueItems, { message: "Items must be unique." }).optional(), "remote": z.boolean().optional(), "location": z.string().max(120).nullable().optional() }).refine((value) => Object.keys(value).length >= 1, { message: "Send at least 1 field(s)." }).openapi("PartialUpdateTaskRequest");
export type PartialUpdateTaskRequest = z.infer<typeof PartialUpdateTaskRequest>;

export const PaymentIntent = z.object({ "intent_id": z.string(), "client_secret": z.string(), "status": z.enum(["requires_payment_method","requires_confirmation","requires_action","processing","requires_capture","succeeded","canceled"]), "escrow_id": z.int(), "amount": Money, "currency": Currency }).openapi("PaymentIntent");
export type PaymentIntent = z.infer<typeof PaymentIntent>;

export const PaymentMethod = z.object({ "id": z.int(), "stripe_payment_method_id": z.string(), "type": z.enum(["card"]), "brand": z.string(), "last4": z.string().regex(new RegExp("^\\d{4}$")), "exp_month": z.int().gte(1).lte(12), "exp_year": z.int(), "is_default": z.boolean(), "created_at": z.iso.datetime({ offset: true }) }).openapi("PaymentMethod");
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const PaymentMethodList = z.object({ "results": z.array(PaymentMethod) }).openapi("PaymentMethodList");
export type PaymentMethodList = z.infer<typeof PaymentMethodList>;

export const PortfolioItemRequest = z.strictObject({ "title": z.string().min(3).max(120), "description": z.string().max(5000), "url": WebUrl.nullable().optional(), "image_url": WebUrl.nullable().optional(), "skills": z.array(z.int().gte(1).lte(2147483647)).max(10).refine(uniqueItems, { message: "Items must be unique." }).optional(), "completed_on": z.iso.date().nullable().optional() }).openapi("PortfolioItemRequest");
export type PortfolioItemRequest = z.infer<typeof PortfolioItemRequest>;

export const RateChatMessageRequest = z.strictObject({ "rating": z.enum(["up","down"]), "comment": z.string().max(1000).optional() }).openapi("RateChatMessageRequest");
export type RateChatMessageRequest = z.infer<typeof RateChatMessageRequest>;

export const RecommendationPreferences = z.object({ "preferred_categories": z.array(Category), "preferred_skills": z.array(Skill), "min_budget": Money.nullable(), "max_budget": Money.nullable(), "currency": Currency, "remote_only": z.boolean(), "email_digest": z.enum(["off","daily","weekly"]), "updated_at": z.iso.datetime({ offset: true }).nullable() }).openapi("RecommendationPreferences");
export type RecommendationPreferences = z.infer<typeof RecommendationPreferences>;

export const RecommendationPreferencesRequest = z.strictObject({ "preferred_categories": z.array(z.int().gte(1).lte(2147483647)).max(6).refine(uniqueItems, { message: "Items must be unique." }), "preferred_skills": z.array(z.int().gte(1).lte(2147483647)).max(20).refine(uniqueItems, { message: "Items must be unique." }), "min_budget": Money.nullable(), "max_budget": Money.nullable(), "currency": Currency, "remote_only": z.boolean(), "email_digest": z.enum(["off","daily","weekly"]) }).openapi("RecommendationPreferencesRequest");
export type RecommendationPreferencesRequest = z.infer<typeof RecommendationPreferencesRequest>;

export const RecommendedFreelancer = z.object({ "freelancer": UserSummary, "match_score": z.number().gte(0).lte(1), "reason": z.string(), "matched_skills": z.array(z.string()), "has_applied": z.boolean() }).openapi("RecommendedFreelancer");
export type RecommendedFreelancer = z.infer<typeof RecommendedFreelancer>;

export const RecommendedFreelancerList = z.object({ "results": z.array(RecommendedFreelancer) }).openapi("RecommendedFreelancerList");
export type RecommendedFreelancerList = z.infer<typeof RecommendedFreelancerList>;

export const RecommendedTask = z.object({ "task_id": z.int(), "match_score": z.number().gte(0).lte(1), "reason": z.string(), "matched_skills": z.array(z.string()), "task": TaskSummary }).openapi("RecommendedTask");
export type RecommendedTask = z.infer<typeof RecommendedTask>;

export const RecommendedTaskList = z.object({ "results": z.array(RecommendedTask) }).openapi("RecommendedTaskList");
export type RecommendedTaskList = z.infer<typeof RecommendedTaskList>;

export const RefreshTokenRequest = z.strictObject({ "refresh": z.string().min(1).max(4096) }).openapi("RefreshTokenRequest");
export type RefreshTokenRequest = z.infer<typeof RefreshTokenRequest>;

export const RefundEscrowRequest = z.strictObject({ "reason": z.enum(["requested_by_customer","duplicate","fraudulent","task_cancelled"]).default("requested_by_customer") }).openapi("RefundEscrowRequest");
export type RefundEscrowRequest = z.infer<typeof RefundEscrowRequest>;

export const RegisterRequest = z.strictObject({ "username": z.string().min(3).max(30).regex(new RegExp("^[A-Za-z0-9_.-]+$")), "email": z.email().max(254), "password": z.string().min(10).max(128), "first_name": z.string().max(60).optional(), "last_name": z.string().max(60).optional(), "is_client": z.boolean(), "is_freelancer": z.boolean() }).openapi("RegisterRequest");
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const RejectApplicationRequest = z.strictObject({ "reason": z.string().max(1000).optional() }).openapi("RejectApplicationRequest");
export type RejectApplicationRequest = z.infer<typeof RejectApplicationRequest>;

export const SendMessageRequest = z.strictObject({ "content": z.string().min(1).max(5000) }).openapi("SendMessageRequest");
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const SentMessage = z.object({ "message_id": z.int(), "conversation_id": z.int(), "sender": z.string(), "content": z.string(), "created_at": z.iso.datetime({ offset: true }) }).openapi("SentMessage");
export type SentMessage = z.infer<typeof SentMessage>;

export const SkillList = z.object({ "results": z.array(Skill) }).openapi("SkillList");
export type SkillList = z.infer<typeof SkillList>;

export const StreamTicket = z.object({ "ticket": z.string(), "expires_at": z.iso.datetime({ offset: true }) }).openapi("StreamTicket");
export type StreamTicket = z.infer<typeof StreamTicket>;

export const StripeEvent = z.object({ "id": z.string(), "type": z.string(), "created": z.int().lte(253402300799), "livemode": z.boolean(), "data": z.object({ "object": z.record(z.string(), z.unknown()) }) }).openapi("StripeEvent");
export type StripeEvent = z.infer<typeof StripeEvent>;

export const SuggestCategoryRequest = z.strictObject({ "title": z.string().min(3).max(200), "description": z.string().max(5000).optional() }).openapi("SuggestCategoryRequest");
export type SuggestCategoryRequest = z.infer<typeof SuggestCategoryRequest>;

export const TaskBudgetStatistics = z.object({ "currency": Currency, "average_budget": Money, "completed_value": Money }).openapi("TaskBudgetStatistics");
export type TaskBudgetStatistics = z.infer<typeof TaskBudgetStatistics>;

export const TaskCategoryList = z.object({ "results": z.array(Category) }).openapi("TaskCategoryList");
export type TaskCategoryList = z.infer<typeof TaskCategoryList>;

export const TaskSavedStatus = z.object({ "task_id": z.int(), "is_saved": z.boolean(), "saved_at": z.iso.datetime({ offset: true }).nullable() }).openapi("TaskSavedStatus");
export type TaskSavedStatus = z.infer<typeof TaskSavedStatus>;

export const TaskStatistics = z.object({ "total_tasks": z.int().gte(0), "open_tasks": z.int().gte(0), "in_progress_tasks": z.int().gte(0), "completed_tasks": z.int().gte(0), "cancelled_tasks": z.int().gte(0), "total_applications": z.int().gte(0), "budgets": z.array(TaskBudgetStatistics), "categories": z.array(CategoryTaskCount) }).openapi("TaskStatistics");
export type TaskStatistics = z.infer<typeof TaskStatistics>;

export const TokenPair = z.object({ "access": z.string(), "refresh": z.string(), "access_expires_at": z.iso.datetime({ offset: true }), "refresh_expires_at": z.iso.datetime({ offset: true }), "token_type": z.literal("Bearer") }).openapi("TokenPair");
export type TokenPair = z.infer<typeof TokenPair>;

export const TokenRequest = z.strictObject({ "token": z.string().min(1).max(256) }).openapi("TokenRequest");
export type TokenRequest = z.infer<typeof TokenRequest>;

export const UnreadNotificationCount = z.object({ "unread_count": z.int().gte(0) }).openapi("UnreadNotificationCount");
export type UnreadNotificationCount = z.infer<typeof UnreadNotificationCount>;

export const UpdateMySkillsRequest = z.strictObject({ "skills": z.array(z.strictObject({ "skill_id": z.int().gte(1).lte(2147483647), "level": z.enum(["beginner","intermediate","expert"]), "years_experience": z.int().gte(0).lte(60) })).max(30) }).openapi("UpdateMySkillsRequest");
export type UpdateMySkillsRequest = z.infer<typeof UpdateMySkillsRequest>;

export const UpdateProfileRequest = z.strictObject({ "first_name": z.string().max(60), "last_name": z.string().max(60), "bio": z.string().max(2000), "avatar_url": WebUrl.nullable(), "location": z.string().max(120), "hourly_rate": Money.nullable(), "currency": Currency, "is_client": z.boolean(), "is_freelancer": z.boolean() }).openapi("UpdateProfileRequest");
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

export const UpdateTaskRequest = z.strictObject({ "title": z.string().min(5).max(120), "description": z.string().min(20).max(10000), "category": z.int().gte(1).lte(2147483647), "budget": Money, "currency": Currency, "deadline": z.iso.datetime({ offset: true }).nullable(), "skills": z.array(z.int().gte(1).lte(2147483647)).max(10).refine(uniqueItems, { message: "Items must be unique." }), "remote": z.boolean(), "location": z.string().max(120).nullable() }).openapi("UpdateTaskRequest");
export type UpdateTaskRequest = z.infer<typeof UpdateTaskRequest>;

export const UsernameAvailability = z.object({ "username": z.string(), "available": z.boolean(), "reason": z.enum(["taken","invalid"]).nullable() }).openapi("UsernameAvailability");
export type UsernameAvailability = z.infer<typeof UsernameAvailability>;

export const Wallet = z.object({ "balance": Money, "pending_balance": Money, "currency": Currency, "total_earned": Money, "total_withdrawn": Money, "updated_at": z.iso.datetime({ offset: true }) }).openapi("Wallet");
export type Wallet = z.infer<typeof Wallet>;

export const WebhookReceipt = z.object({ "received": z.literal(true) }).openapi("WebhookReceipt");
export type WebhookReceipt = z.infer<typeof WebhookReceipt>;
