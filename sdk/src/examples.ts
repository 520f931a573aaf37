/**
 * This file was auto-generated from openapi/ by `npm run generate`.
 * Do not edit it by hand: change the spec and regenerate.
 */

/** One operation's first success answer, as the contract's example writes it. */
export type OperationExample = { method: string; path: string; status: number; contentType: string | null; body: unknown };

export const operationExamples: readonly OperationExample[] = [
  {
    "method": "POST",
    "path": "/auth/register/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb",
      "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa",
      "user": {
        "id": 1,
        "username": "sara",
        "email": "sara@example.com",
        "first_name": "Sara",
        "last_name": "Ahmed",
        "display_name": "Sara Ahmed",
        "bio": "",
        "avatar_url": null,
        "location": "",
        "hourly_rate": null,
        "currency": "usd",
        "is_client": true,
        "is_freelancer": true,
        "email_verified": false,
        "rating": null,
        "reviews_count": 0,
        "date_joined": "2026-01-05T08:30:00Z"
      }
    }
  },
  {
    "method": "POST",
    "path": "/auth/login/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb",
      "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa",
      "user": {
        "id": 1,
        "username": "sara",
        "email": "sara@example.com",
        "first_name": "Sara",
        "last_name": "Ahmed",
        "display_name": "Sara Ahmed",
        "bio": "Product lead at a logistics startup.",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "location": "Amman, Jordan",
        "hourly_rate": "45.00",
        "currency": "usd",
        "is_client": true,
        "is_freelancer": true,
        "email_verified": true,
        "rating": "4.90",
        "reviews_count": 8,
        "date_joined": "2026-01-05T08:30:00Z"
      }
    }
  },
  {
    "method": "POST",
    "path": "/auth/token/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb",
      "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa",
      "access_expires_at": "2026-02-10T16:47:00Z",
      "refresh_expires_at": "2026-02-17T16:32:00Z",
      "token_type": "Bearer"
    }
  },
  {
    "method": "POST",
    "path": "/auth/token/refresh/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIiwianRpIjoiMiJ9.Xc9Pq2Lm4Nb7",
      "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCIsImp0aSI6IjIifQ.Rt6Yh1Kd8Vs3",
      "access_expires_at": "2026-02-10T17:02:00Z",
      "refresh_expires_at": "2026-02-17T16:47:00Z",
      "token_type": "Bearer"
    }
  },
  {
    "method": "POST",
    "path": "/auth/logout/",
    "status": 204,
    "contentType": null,
    "body": null
  },
  {
    "method": "GET",
    "path": "/auth/profile/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 1,
      "username": "sara",
      "email": "sara@example.com",
      "first_name": "Sara",
      "last_name": "Ahmed",
      "display_name": "Sara Ahmed",
      "bio": "Product lead at a logistics startup.",
      "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
      "location": "Amman, Jordan",
      "hourly_rate": "45.00",
      "currency": "usd",
      "is_client": true,
      "is_freelancer": true,
      "email_verified": true,
      "rating": "4.90",
      "reviews_count": 8,
      "date_joined": "2026-01-05T08:30:00Z"
    }
  },
  {
    "method": "PUT",
    "path": "/auth/profile/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 1,
      "username": "sara",
      "email": "sara@example.com",
      "first_name": "Sara",
      "last_name": "Ahmed",
      "display_name": "Sara Ahmed",
      "bio": "Product lead at a logistics startup.",
      "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
      "location": "Amman, Jordan",
      "hourly_rate": "45.00",
      "currency": "usd",
      "is_client": true,
      "is_freelancer": true,
      "email_verified": true,
      "rating": "4.90",
      "reviews_count": 8,
      "date_joined": "2026-01-05T08:30:00Z"
    }
  },
  {
    "method": "POST",
    "path": "/auth/profile/change-password/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIiwianRpIjoiMyJ9.Hw2Jk5Mn8Qa1",
      "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCIsImp0aSI6IjMifQ.Bv4Cx7Zs0Pe9",
      "access_expires_at": "2026-02-10T16:47:00Z",
      "refresh_expires_at": "2026-02-17T16:32:00Z",
      "token_type": "Bearer"
    }
  },
  {
    "method": "GET",
    "path": "/auth/users/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 2,
          "username": "freelancer_user",
          "display_name": "Lina Haddad",
          "first_name": "Lina",
          "last_name": "Haddad",
          "bio": "Integration engineer and Arabic translator.",
          "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
          "location": "Beirut, Lebanon",
          "hourly_rate": "40.00",
          "currency": "usd",
          "is_client": false,
          "is_freelancer": true,
          "skills": [
            {
              "id": 11,
              "slug": "python",
              "name": "Python",
              "category_id": 5
            },
            {
              "id": 17,
              "slug": "rest-apis",
              "name": "REST APIs",
              "category_id": 3
            }
          ],
          "rating": "4.80",
          "reviews_count": 12,
          "completed_tasks_count": 14,
          "date_joined": "2026-01-07T12:00:00Z"
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/auth/users/{username}/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 2,
      "username": "freelancer_user",
      "display_name": "Lina Haddad",
      "first_name": "Lina",
      "last_name": "Haddad",
      "bio": "Integration engineer and Arabic translator.",
      "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
      "location": "Beirut, Lebanon",
      "hourly_rate": "40.00",
      "currency": "usd",
      "is_client": false,
      "is_freelancer": true,
      "skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "rating": "4.80",
      "reviews_count": 12,
      "completed_tasks_count": 14,
      "date_joined": "2026-01-07T12:00:00Z"
    }
  },
  {
    "method": "GET",
    "path": "/auth/users/{username}/portfolio/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 7,
          "title": "CRM sync service for a logistics startup",
          "description": "Two-way sync between HubSpot and an in-house order system, with retries and an audit log.",
          "url": "https://example.com/case-studies/crm-sync",
          "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
          "skills": [
            {
              "id": 11,
              "slug": "python",
              "name": "Python",
              "category_id": 5
            },
            {
              "id": 17,
              "slug": "rest-apis",
              "name": "REST APIs",
              "category_id": 3
            }
          ],
          "completed_on": "2025-11-30",
          "created_at": "2026-01-08T10:00:00Z",
          "updated_at": "2026-01-08T10:00:00Z"
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/auth/check-username/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "username": "sara",
      "available": false,
      "reason": "taken"
    }
  },
  {
    "method": "GET",
    "path": "/auth/check-email/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "email": "sara@example.com",
      "available": false,
      "reason": "taken"
    }
  },
  {
    "method": "POST",
    "path": "/auth/resend-verification/",
    "status": 202,
    "contentType": "application/json",
    "body": {
      "detail": "If an unverified account exists for this address, a verification email is on its way."
    }
  },
  {
    "method": "POST",
    "path": "/auth/verify-email/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "detail": "Your email address is verified."
    }
  },
  {
    "method": "POST",
    "path": "/auth/password-reset/",
    "status": 202,
    "contentType": "application/json",
    "body": {
      "detail": "If an account exists for this address, a password reset email is on its way."
    }
  },
  {
    "method": "POST",
    "path": "/auth/password-reset/confirm/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "detail": "Your password was changed. Please sign in again."
    }
  },
  {
    "method": "DELETE",
    "path": "/auth/delete-account/",
    "status": 204,
    "contentType": null,
    "body": null
  },
  {
    "method": "POST",
    "path": "/auth/google/login/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "access": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiYWNjZXNzIn0.q5Wm0v3Xl2Yb",
      "refresh": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoicmVmcmVzaCJ9.Zk3Lr8pQw1Aa",
      "user": {
        "id": 1,
        "username": "sara",
        "email": "sara@example.com",
        "first_name": "Sara",
        "last_name": "Ahmed",
        "display_name": "Sara Ahmed",
        "bio": "Product lead at a logistics startup.",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "location": "Amman, Jordan",
        "hourly_rate": "45.00",
        "currency": "usd",
        "is_client": true,
        "is_freelancer": true,
        "email_verified": true,
        "rating": "4.90",
        "reviews_count": 8,
        "date_joined": "2026-01-05T08:30:00Z"
      },
      "created": false
    }
  },
  {
    "method": "GET",
    "path": "/auth/portfolio/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 7,
          "title": "CRM sync service for a logistics startup",
          "description": "Two-way sync between HubSpot and an in-house order system, with retries and an audit log.",
          "url": "https://example.com/case-studies/crm-sync",
          "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
          "skills": [
            {
              "id": 11,
              "slug": "python",
              "name": "Python",
              "category_id": 5
            },
            {
              "id": 17,
              "slug": "rest-apis",
              "name": "REST APIs",
              "category_id": 3
            }
          ],
          "completed_on": "2025-11-30",
          "created_at": "2026-01-08T10:00:00Z",
          "updated_at": "2026-01-08T10:00:00Z"
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/auth/portfolio/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "id": 7,
      "title": "CRM sync service for a logistics startup",
      "description": "Two-way sync between HubSpot and an in-house order system, with retries and an audit log.",
      "url": "https://example.com/case-studies/crm-sync",
      "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
      "skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "completed_on": "2025-11-30",
      "created_at": "2026-01-08T10:00:00Z",
      "updated_at": "2026-01-08T10:00:00Z"
    }
  },
  {
    "method": "GET",
    "path": "/auth/portfolio/{id}/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 7,
      "title": "CRM sync service for a logistics startup",
      "description": "Two-way sync between HubSpot and an in-house order system, with retries and an audit log.",
      "url": "https://example.com/case-studies/crm-sync",
      "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
      "skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "completed_on": "2025-11-30",
      "created_at": "2026-01-08T10:00:00Z",
      "updated_at": "2026-01-08T10:00:00Z"
    }
  },
  {
    "method": "PUT",
    "path": "/auth/portfolio/{id}/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 7,
      "title": "CRM sync service for a logistics startup",
      "description": "Two-way sync between HubSpot and an in-house order system, now with webhooks.",
      "url": "https://example.com/case-studies/crm-sync",
      "image_url": "https://cdn.taskmarket.example/portfolio/7.png",
      "skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "completed_on": "2025-11-30",
      "created_at": "2026-01-08T10:00:00Z",
      "updated_at": "2026-02-10T16:32:00Z"
    }
  },
  {
    "method": "DELETE",
    "path": "/auth/portfolio/{id}/",
    "status": 204,
    "contentType": null,
    "body": null
  },
  {
    "method": "GET",
    "path": "/tasks/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 42,
          "title": "Integrate our CRM with a REST API",
          "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
          "status": "open",
          "category": {
            "id": 3,
            "slug": "web-development",
            "name": "Web Development",
            "description": "Websites, web applications, APIs and integrations."
          },
          "budget": "200.00",
          "currency": "usd",
          "deadline": "2036-03-01T00:00:00Z",
          "skills": [
            {
              "id": 11,
              "slug": "python",
              "name": "Python",
              "category_id": 5
            },
            {
              "id": 17,
              "slug": "rest-apis",
              "name": "REST APIs",
              "category_id": 3
            }
          ],
          "remote": true,
          "location": null,
          "client": {
            "id": 1,
            "username": "sara",
            "display_name": "Sara Ahmed",
            "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
            "is_client": true,
            "is_freelancer": true,
            "rating": "4.90",
            "reviews_count": 8
          },
          "freelancer": null,
          "applications_count": 2,
          "accepted_application_id": null,
          "created_at": "2026-02-08T09:15:00Z",
          "updated_at": "2026-02-08T09:15:00Z",
          "completed_at": null,
          "cancelled_at": null
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/tasks/create/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "id": 42,
      "title": "Integrate our CRM with a REST API",
      "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
      "status": "open",
      "category": {
        "id": 3,
        "slug": "web-development",
        "name": "Web Development",
        "description": "Websites, web applications, APIs and integrations."
      },
      "budget": "200.00",
      "currency": "usd",
      "deadline": "2036-03-01T00:00:00Z",
      "skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "remote": true,
      "location": null,
      "client": {
        "id": 1,
        "username": "sara",
        "display_name": "Sara Ahmed",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "is_client": true,
        "is_freelancer": true,
        "rating": "4.90",
        "reviews_count": 8
      },
      "freelancer": null,
      "applications_count": 0,
      "accepted_application_id": null,
      "created_at": "2026-02-08T09:15:00Z",
      "updated_at": "2026-02-08T09:15:00Z",
      "completed_at": null,
      "cancelled_at": null
    }
  },
  {
    "method": "GET",
    "path": "/tasks/categories/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "results": [
        {
          "id": 1,
          "slug": "design",
          "name": "Design & Creative",
          "description": "Logos, branding, UI and UX design, illustration."
        },
        {
          "id": 2,
          "slug": "writing",
          "name": "Writing & Translation",
          "description": "Copywriting, editing, translation and localisation."
        },
        {
          "id": 3,
          "slug": "web-development",
          "name": "Web Development",
          "description": "Websites, web applications, APIs and integrations."
        },
        {
          "id": 4,
          "slug": "mobile-development",
          "name": "Mobile Development",
          "description": "iOS, Android and cross-platform apps."
        },
        {
          "id": 5,
          "slug": "data-science",
          "name": "Data Science & Analytics",
          "description": "Data collection, analysis, machine learning and dashboards."
        },
        {
          "id": 6,
          "slug": "marketing",
          "name": "Sales & Marketing",
          "description": "Campaigns, SEO, social media and lead generation."
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/tasks/my-tasks/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 42,
          "title": "Integrate our CRM with a REST API",
          "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
          "status": "open",
          "category": {
            "id": 3,
            "slug": "web-development",
            "name": "Web Development",
            "description": "Websites, web applications, APIs and integrations."
          },
          "budget": "200.00",
          "currency": "usd",
          "deadline": "2036-03-01T00:00:00Z",
          "skills": [
            {
              "id": 11,
              "slug": "python",
              "name": "Python",
              "category_id": 5
            },
            {
              "id": 17,
              "slug": "rest-apis",
              "name": "REST APIs",
              "category_id": 3
            }
          ],
          "remote": true,
          "location": null,
          "client": {
            "id": 1,
            "username": "sara",
            "display_name": "Sara Ahmed",
            "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
            "is_client": true,
            "is_freelancer": true,
            "rating": "4.90",
            "reviews_count": 8
          },
          "freelancer": null,
          "applications_count": 2,
          "accepted_application_id": null,
          "created_at": "2026-02-08T09:15:00Z",
          "updated_at": "2026-02-08T09:15:00Z",
          "completed_at": null,
          "cancelled_at": null
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/tasks/my-applications/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 308,
          "task": {
            "id": 42,
            "title": "Integrate our CRM with a REST API",
            "status": "open",
            "budget": "200.00",
            "currency": "usd",
            "category": {
              "id": 3,
              "slug": "web-development",
              "name": "Web Development",
              "description": "Websites, web applications, APIs and integrations."
            },
            "client": {
              "id": 1,
              "username": "sara",
              "display_name": "Sara Ahmed",
              "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
              "is_client": true,
              "is_freelancer": true,
              "rating": "4.90",
              "reviews_count": 8
            },
            "deadline": "2036-03-01T00:00:00Z",
            "created_at": "2026-02-08T09:15:00Z"
          },
          "freelancer": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "proposal": "I can deliver in 3 days",
          "bid_amount": "120.00",
          "currency": "usd",
          "status": "pending",
          "created_at": "2026-02-09T11:00:00Z",
          "updated_at": "2026-02-09T11:00:00Z",
          "decided_at": null
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/tasks/statistics/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "total_tasks": 4,
      "open_tasks": 2,
      "in_progress_tasks": 1,
      "completed_tasks": 1,
      "cancelled_tasks": 0,
      "total_applications": 3,
      "budgets": [
        {
          "currency": "usd",
          "average_budget": "270.00",
          "completed_value": "80.00"
        }
      ],
      "categories": [
        {
          "category_id": 1,
          "name": "Design & Creative",
          "open_tasks": 0
        },
        {
          "category_id": 2,
          "name": "Writing & Translation",
          "open_tasks": 0
        },
        {
          "category_id": 3,
          "name": "Web Development",
          "open_tasks": 1
        },
        {
          "category_id": 4,
          "name": "Mobile Development",
          "open_tasks": 0
        },
        {
          "category_id": 5,
          "name": "Data Science & Analytics",
          "open_tasks": 1
        },
        {
          "category_id": 6,
          "name": "Sales & Marketing",
          "open_tasks": 0
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/tasks/my-statistics/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "as_client": {
        "tasks_posted": 2,
        "open": 1,
        "in_progress": 0,
        "completed": 1,
        "cancelled": 0,
        "total_spent": [
          {
            "amount": "80.00",
            "currency": "usd"
          }
        ]
      },
      "as_freelancer": {
        "applications_sent": 0,
        "pending": 0,
        "accepted": 0,
        "rejected": 0,
        "tasks_completed": 0,
        "total_earned": []
      },
      "rating": "4.90",
      "reviews_count": 8
    }
  },
  {
    "method": "GET",
    "path": "/tasks/saved/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 901,
          "task": {
            "id": 56,
            "title": "Python scraper for competitor prices",
            "status": "open",
            "budget": "350.00",
            "currency": "usd",
            "category": {
              "id": 5,
              "slug": "data-science",
              "name": "Data Science & Analytics",
              "description": "Data collection, analysis, machine learning and dashboards."
            },
            "client": {
              "id": 3,
              "username": "omar",
              "display_name": "Omar Khalil",
              "avatar_url": null,
              "is_client": true,
              "is_freelancer": false,
              "rating": "4.70",
              "reviews_count": 5
            },
            "deadline": "2036-03-15T00:00:00Z",
            "created_at": "2026-02-09T14:20:00Z"
          },
          "saved_at": "2026-02-09T18:00:00Z"
        }
      ]
    }
  },
  {
    "method": "DELETE",
    "path": "/tasks/saved/{id}/",
    "status": 204,
    "contentType": null,
    "body": null
  },
  {
    "method": "GET",
    "path": "/tasks/{id}/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 42,
      "title": "Integrate our CRM with a REST API",
      "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
      "status": "open",
      "category": {
        "id": 3,
        "slug": "web-development",
        "name": "Web Development",
        "description": "Websites, web applications, APIs and integrations."
      },
      "budget": "200.00",
      "currency": "usd",
      "deadline": "2036-03-01T00:00:00Z",
      "skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "remote": true,
      "location": null,
      "client": {
        "id": 1,
        "username": "sara",
        "display_name": "Sara Ahmed",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "is_client": true,
        "is_freelancer": true,
        "rating": "4.90",
        "reviews_count": 8
      },
      "freelancer": null,
      "applications_count": 2,
      "accepted_application_id": null,
      "created_at": "2026-02-08T09:15:00Z",
      "updated_at": "2026-02-08T09:15:00Z",
      "completed_at": null,
      "cancelled_at": null
    }
  },
  {
    "method": "PUT",
    "path": "/tasks/{id}/update/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 42,
      "title": "Integrate our CRM with a REST API",
      "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
      "status": "open",
      "category": {
        "id": 3,
        "slug": "web-development",
        "name": "Web Development",
        "description": "Websites, web applications, APIs and integrations."
      },
      "budget": "250.00",
      "currency": "usd",
      "deadline": "2036-03-01T00:00:00Z",
      "skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "remote": true,
      "location": null,
      "client": {
        "id": 1,
        "username": "sara",
        "display_name": "Sara Ahmed",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "is_client": true,
        "is_freelancer": true,
        "rating": "4.90",
        "reviews_count": 8
      },
      "freelancer": null,
      "applications_count": 2,
      "accepted_application_id": null,
      "created_at": "2026-02-08T09:15:00Z",
      "updated_at": "2026-02-09T08:00:00Z",
      "completed_at": null,
      "cancelled_at": null
    }
  },
  {
    "method": "PATCH",
    "path": "/tasks/{id}/update/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 42,
      "title": "Integrate our CRM with a REST API",
      "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
      "status": "open",
      "category": {
        "id": 3,
        "slug": "web-development",
        "name": "Web Development",
        "description": "Websites, web applications, APIs and integrations."
      },
      "budget": "250.00",
      "currency": "usd",
      "deadline": "2036-03-01T00:00:00Z",
      "skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "remote": true,
      "location": null,
      "client": {
        "id": 1,
        "username": "sara",
        "display_name": "Sara Ahmed",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "is_client": true,
        "is_freelancer": true,
        "rating": "4.90",
        "reviews_count": 8
      },
      "freelancer": null,
      "applications_count": 2,
      "accepted_application_id": null,
      "created_at": "2026-02-08T09:15:00Z",
      "updated_at": "2026-02-09T08:00:00Z",
      "completed_at": null,
      "cancelled_at": null
    }
  },
  {
    "method": "DELETE",
    "path": "/tasks/{id}/delete/",
    "status": 204,
    "contentType": null,
    "body": null
  },
  {
    "method": "POST",
    "path": "/tasks/{id}/cancel/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 42,
      "title": "Integrate our CRM with a REST API",
      "description": "Sync contacts and deals from our CRM to our billing system through its REST API, nightly and on demand.",
      "status": "cancelled",
      "category": {
        "id": 3,
        "slug": "web-development",
        "name": "Web Development",
        "description": "Websites, web applications, APIs and integrations."
      },
      "budget": "200.00",
      "currency": "usd",
      "deadline": "2036-03-01T00:00:00Z",
      "skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "remote": true,
      "location": null,
      "client": {
        "id": 1,
        "username": "sara",
        "display_name": "Sara Ahmed",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "is_client": true,
        "is_freelancer": true,
        "rating": "4.90",
        "reviews_count": 8
      },
      "freelancer": null,
      "applications_count": 2,
      "accepted_application_id": null,
      "created_at": "2026-02-08T09:15:00Z",
      "updated_at": "2026-02-11T09:00:00Z",
      "completed_at": null,
      "cancelled_at": "2026-02-11T09:00:00Z"
    }
  },
  {
    "method": "POST",
    "path": "/tasks/{id}/complete/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 57,
      "title": "Landing page design in Figma",
      "description": "Design a responsive landing page for our price tracker in Figma, with a style guide.",
      "status": "completed",
      "category": {
        "id": 1,
        "slug": "design",
        "name": "Design & Creative",
        "description": "Logos, branding, UI and UX design, illustration."
      },
      "budget": "450.00",
      "currency": "usd",
      "deadline": "2036-02-28T00:00:00Z",
      "skills": [
        {
          "id": 15,
          "slug": "figma",
          "name": "Figma",
          "category_id": 1
        }
      ],
      "remote": true,
      "location": null,
      "client": {
        "id": 3,
        "username": "omar",
        "display_name": "Omar Khalil",
        "avatar_url": null,
        "is_client": true,
        "is_freelancer": false,
        "rating": "4.70",
        "reviews_count": 5
      },
      "freelancer": {
        "id": 4,
        "username": "dev_maria",
        "display_name": "Maria Lopez",
        "avatar_url": "https://cdn.taskmarket.example/avatars/4.png",
        "is_client": false,
        "is_freelancer": true,
        "rating": "4.60",
        "reviews_count": 3
      },
      "applications_count": 3,
      "accepted_application_id": 305,
      "created_at": "2026-02-01T08:00:00Z",
      "updated_at": "2026-02-20T17:45:00Z",
      "completed_at": "2026-02-20T17:45:00Z",
      "cancelled_at": null
    }
  },
  {
    "method": "POST",
    "path": "/tasks/{id}/apply/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "application_id": 308,
      "status": "pending",
      "task_id": 42
    }
  },
  {
    "method": "GET",
    "path": "/tasks/{id}/applications/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 2,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 308,
          "task": {
            "id": 42,
            "title": "Integrate our CRM with a REST API",
            "status": "open",
            "budget": "200.00",
            "currency": "usd",
            "category": {
              "id": 3,
              "slug": "web-development",
              "name": "Web Development",
              "description": "Websites, web applications, APIs and integrations."
            },
            "client": {
              "id": 1,
              "username": "sara",
              "display_name": "Sara Ahmed",
              "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
              "is_client": true,
              "is_freelancer": true,
              "rating": "4.90",
              "reviews_count": 8
            },
            "deadline": "2036-03-01T00:00:00Z",
            "created_at": "2026-02-08T09:15:00Z"
          },
          "freelancer": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "proposal": "I can deliver in 3 days",
          "bid_amount": "120.00",
          "currency": "usd",
          "status": "pending",
          "created_at": "2026-02-09T11:00:00Z",
          "updated_at": "2026-02-09T11:00:00Z",
          "decided_at": null
        },
        {
          "id": 309,
          "task": {
            "id": 42,
            "title": "Integrate our CRM with a REST API",
            "status": "open",
            "budget": "200.00",
            "currency": "usd",
            "category": {
              "id": 3,
              "slug": "web-development",
              "name": "Web Development",
              "description": "Websites, web applications, APIs and integrations."
            },
            "client": {
              "id": 1,
              "username": "sara",
              "display_name": "Sara Ahmed",
              "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
              "is_client": true,
              "is_freelancer": true,
              "rating": "4.90",
              "reviews_count": 8
            },
            "deadline": "2036-03-01T00:00:00Z",
            "created_at": "2026-02-08T09:15:00Z"
          },
          "freelancer": {
            "id": 4,
            "username": "dev_maria",
            "display_name": "Maria Lopez",
            "avatar_url": "https://cdn.taskmarket.example/avatars/4.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.60",
            "reviews_count": 3
          },
          "proposal": "I have shipped four CRM integrations this year and can start tomorrow.",
          "bid_amount": "180.00",
          "currency": "usd",
          "status": "pending",
          "created_at": "2026-02-09T13:30:00Z",
          "updated_at": "2026-02-09T13:30:00Z",
          "decided_at": null
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/tasks/{id}/review/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "id": 61,
      "task_id": 31,
      "reviewer": {
        "id": 1,
        "username": "sara",
        "display_name": "Sara Ahmed",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "is_client": true,
        "is_freelancer": true,
        "rating": "4.90",
        "reviews_count": 8
      },
      "reviewee": {
        "id": 2,
        "username": "freelancer_user",
        "display_name": "Lina Haddad",
        "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
        "is_client": false,
        "is_freelancer": true,
        "rating": "4.80",
        "reviews_count": 12
      },
      "role": "client_to_freelancer",
      "rating": 5,
      "comment": "Fast, careful translation.",
      "created_at": "2026-01-30T10:00:00Z"
    }
  },
  {
    "method": "GET",
    "path": "/tasks/{id}/reviews/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 2,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 62,
          "task_id": 31,
          "reviewer": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "reviewee": {
            "id": 1,
            "username": "sara",
            "display_name": "Sara Ahmed",
            "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
            "is_client": true,
            "is_freelancer": true,
            "rating": "4.90",
            "reviews_count": 8
          },
          "role": "freelancer_to_client",
          "rating": 5,
          "comment": "Clear brief and quick payment.",
          "created_at": "2026-01-30T12:00:00Z"
        },
        {
          "id": 61,
          "task_id": 31,
          "reviewer": {
            "id": 1,
            "username": "sara",
            "display_name": "Sara Ahmed",
            "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
            "is_client": true,
            "is_freelancer": true,
            "rating": "4.90",
            "reviews_count": 8
          },
          "reviewee": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "role": "client_to_freelancer",
          "rating": 5,
          "comment": "Fast, careful translation.",
          "created_at": "2026-01-30T10:00:00Z"
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/tasks/{id}/save/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 901,
      "task": {
        "id": 56,
        "title": "Python scraper for competitor prices",
        "status": "open",
        "budget": "350.00",
        "currency": "usd",
        "category": {
          "id": 5,
          "slug": "data-science",
          "name": "Data Science & Analytics",
          "description": "Data collection, analysis, machine learning and dashboards."
        },
        "client": {
          "id": 3,
          "username": "omar",
          "display_name": "Omar Khalil",
          "avatar_url": null,
          "is_client": true,
          "is_freelancer": false,
          "rating": "4.70",
          "reviews_count": 5
        },
        "deadline": "2036-03-15T00:00:00Z",
        "created_at": "2026-02-09T14:20:00Z"
      },
      "saved_at": "2026-02-09T18:00:00Z"
    }
  },
  {
    "method": "GET",
    "path": "/tasks/{id}/saved/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "task_id": 56,
      "is_saved": true,
      "saved_at": "2026-02-09T18:00:00Z"
    }
  },
  {
    "method": "POST",
    "path": "/tasks/applications/{id}/accept/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 308,
      "task": {
        "id": 42,
        "title": "Integrate our CRM with a REST API",
        "status": "in_progress",
        "budget": "200.00",
        "currency": "usd",
        "category": {
          "id": 3,
          "slug": "web-development",
          "name": "Web Development",
          "description": "Websites, web applications, APIs and integrations."
        },
        "client": {
          "id": 1,
          "username": "sara",
          "display_name": "Sara Ahmed",
          "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
          "is_client": true,
          "is_freelancer": true,
          "rating": "4.90",
          "reviews_count": 8
        },
        "deadline": "2036-03-01T00:00:00Z",
        "created_at": "2026-02-08T09:15:00Z"
      },
      "freelancer": {
        "id": 2,
        "username": "freelancer_user",
        "display_name": "Lina Haddad",
        "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
        "is_client": false,
        "is_freelancer": true,
        "rating": "4.80",
        "reviews_count": 12
      },
      "proposal": "I can deliver in 3 days",
      "bid_amount": "120.00",
      "currency": "usd",
      "status": "accepted",
      "created_at": "2026-02-09T11:00:00Z",
      "updated_at": "2026-02-10T09:00:00Z",
      "decided_at": "2026-02-10T09:00:00Z"
    }
  },
  {
    "method": "POST",
    "path": "/tasks/applications/{id}/reject/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 309,
      "task": {
        "id": 42,
        "title": "Integrate our CRM with a REST API",
        "status": "open",
        "budget": "200.00",
        "currency": "usd",
        "category": {
          "id": 3,
          "slug": "web-development",
          "name": "Web Development",
          "description": "Websites, web applications, APIs and integrations."
        },
        "client": {
          "id": 1,
          "username": "sara",
          "display_name": "Sara Ahmed",
          "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
          "is_client": true,
          "is_freelancer": true,
          "rating": "4.90",
          "reviews_count": 8
        },
        "deadline": "2036-03-01T00:00:00Z",
        "created_at": "2026-02-08T09:15:00Z"
      },
      "freelancer": {
        "id": 4,
        "username": "dev_maria",
        "display_name": "Maria Lopez",
        "avatar_url": "https://cdn.taskmarket.example/avatars/4.png",
        "is_client": false,
        "is_freelancer": true,
        "rating": "4.60",
        "reviews_count": 3
      },
      "proposal": "I have shipped four CRM integrations this year and can start tomorrow.",
      "bid_amount": "180.00",
      "currency": "usd",
      "status": "rejected",
      "created_at": "2026-02-09T13:30:00Z",
      "updated_at": "2026-02-10T09:00:00Z",
      "decided_at": "2026-02-10T09:00:00Z"
    }
  },
  {
    "method": "GET",
    "path": "/tasks/users/{username}/reviews/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 62,
          "task_id": 31,
          "reviewer": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "reviewee": {
            "id": 1,
            "username": "sara",
            "display_name": "Sara Ahmed",
            "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
            "is_client": true,
            "is_freelancer": true,
            "rating": "4.90",
            "reviews_count": 8
          },
          "role": "freelancer_to_client",
          "rating": 5,
          "comment": "Clear brief and quick payment.",
          "created_at": "2026-01-30T12:00:00Z"
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/messaging/conversations/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 99,
          "participants": [
            {
              "id": 1,
              "username": "sara",
              "display_name": "Sara Ahmed",
              "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
              "is_client": true,
              "is_freelancer": true,
              "rating": "4.90",
              "reviews_count": 8
            },
            {
              "id": 2,
              "username": "freelancer_user",
              "display_name": "Lina Haddad",
              "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
              "is_client": false,
              "is_freelancer": true,
              "rating": "4.80",
              "reviews_count": 12
            }
          ],
          "other_participant": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "task": {
            "id": 42,
            "title": "Integrate our CRM with a REST API",
            "status": "open",
            "budget": "200.00",
            "currency": "usd",
            "category": {
              "id": 3,
              "slug": "web-development",
              "name": "Web Development",
              "description": "Websites, web applications, APIs and integrations."
            },
            "client": {
              "id": 1,
              "username": "sara",
              "display_name": "Sara Ahmed",
              "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
              "is_client": true,
              "is_freelancer": true,
              "rating": "4.90",
              "reviews_count": 8
            },
            "deadline": "2036-03-01T00:00:00Z",
            "created_at": "2026-02-08T09:15:00Z"
          },
          "last_message": {
            "id": 771,
            "conversation_id": 99,
            "sender": {
              "id": 2,
              "username": "freelancer_user",
              "display_name": "Lina Haddad",
              "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
              "is_client": false,
              "is_freelancer": true,
              "rating": "4.80",
              "reviews_count": 12
            },
            "content": "Draft uploaded. Please review.",
            "is_read": false,
            "read_at": null,
            "created_at": "2026-02-10T16:32:00Z"
          },
          "unread_count": 1,
          "created_at": "2026-02-09T12:00:00Z",
          "updated_at": "2026-02-10T16:32:00Z"
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/messaging/conversations/create/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 99,
      "participants": [
        {
          "id": 1,
          "username": "sara",
          "display_name": "Sara Ahmed",
          "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
          "is_client": true,
          "is_freelancer": true,
          "rating": "4.90",
          "reviews_count": 8
        },
        {
          "id": 2,
          "username": "freelancer_user",
          "display_name": "Lina Haddad",
          "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
          "is_client": false,
          "is_freelancer": true,
          "rating": "4.80",
          "reviews_count": 12
        }
      ],
      "other_participant": {
        "id": 2,
        "username": "freelancer_user",
        "display_name": "Lina Haddad",
        "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
        "is_client": false,
        "is_freelancer": true,
        "rating": "4.80",
        "reviews_count": 12
      },
      "task": {
        "id": 42,
        "title": "Integrate our CRM with a REST API",
        "status": "open",
        "budget": "200.00",
        "currency": "usd",
        "category": {
          "id": 3,
          "slug": "web-development",
          "name": "Web Development",
          "description": "Websites, web applications, APIs and integrations."
        },
        "client": {
          "id": 1,
          "username": "sara",
          "display_name": "Sara Ahmed",
          "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
          "is_client": true,
          "is_freelancer": true,
          "rating": "4.90",
          "reviews_count": 8
        },
        "deadline": "2036-03-01T00:00:00Z",
        "created_at": "2026-02-08T09:15:00Z"
      },
      "last_message": {
        "id": 771,
        "conversation_id": 99,
        "sender": {
          "id": 2,
          "username": "freelancer_user",
          "display_name": "Lina Haddad",
          "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
          "is_client": false,
          "is_freelancer": true,
          "rating": "4.80",
          "reviews_count": 12
        },
        "content": "Draft uploaded. Please review.",
        "is_read": false,
        "read_at": null,
        "created_at": "2026-02-10T16:32:00Z"
      },
      "unread_count": 1,
      "created_at": "2026-02-09T12:00:00Z",
      "updated_at": "2026-02-10T16:32:00Z"
    }
  },
  {
    "method": "GET",
    "path": "/messaging/conversations/{id}/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 99,
      "participants": [
        {
          "id": 1,
          "username": "sara",
          "display_name": "Sara Ahmed",
          "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
          "is_client": true,
          "is_freelancer": true,
          "rating": "4.90",
          "reviews_count": 8
        },
        {
          "id": 2,
          "username": "freelancer_user",
          "display_name": "Lina Haddad",
          "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
          "is_client": false,
          "is_freelancer": true,
          "rating": "4.80",
          "reviews_count": 12
        }
      ],
      "other_participant": {
        "id": 2,
        "username": "freelancer_user",
        "display_name": "Lina Haddad",
        "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
        "is_client": false,
        "is_freelancer": true,
        "rating": "4.80",
        "reviews_count": 12
      },
      "task": {
        "id": 42,
        "title": "Integrate our CRM with a REST API",
        "status": "open",
        "budget": "200.00",
        "currency": "usd",
        "category": {
          "id": 3,
          "slug": "web-development",
          "name": "Web Development",
          "description": "Websites, web applications, APIs and integrations."
        },
        "client": {
          "id": 1,
          "username": "sara",
          "display_name": "Sara Ahmed",
          "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
          "is_client": true,
          "is_freelancer": true,
          "rating": "4.90",
          "reviews_count": 8
        },
        "deadline": "2036-03-01T00:00:00Z",
        "created_at": "2026-02-08T09:15:00Z"
      },
      "last_message": {
        "id": 771,
        "conversation_id": 99,
        "sender": {
          "id": 2,
          "username": "freelancer_user",
          "display_name": "Lina Haddad",
          "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
          "is_client": false,
          "is_freelancer": true,
          "rating": "4.80",
          "reviews_count": 12
        },
        "content": "Draft uploaded. Please review.",
        "is_read": false,
        "read_at": null,
        "created_at": "2026-02-10T16:32:00Z"
      },
      "unread_count": 1,
      "created_at": "2026-02-09T12:00:00Z",
      "updated_at": "2026-02-10T16:32:00Z"
    }
  },
  {
    "method": "GET",
    "path": "/messaging/conversations/{id}/messages/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 2,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 771,
          "conversation_id": 99,
          "sender": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "content": "Draft uploaded. Please review.",
          "is_read": false,
          "read_at": null,
          "created_at": "2026-02-10T16:32:00Z"
        },
        {
          "id": 770,
          "conversation_id": 99,
          "sender": {
            "id": 1,
            "username": "sara",
            "display_name": "Sara Ahmed",
            "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
            "is_client": true,
            "is_freelancer": true,
            "rating": "4.90",
            "reviews_count": 8
          },
          "content": "Any update on the draft?",
          "is_read": true,
          "read_at": "2026-02-10T15:20:00Z",
          "created_at": "2026-02-10T15:05:00Z"
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/messaging/conversations/{id}/messages/send/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "message_id": 771,
      "conversation_id": 99,
      "sender": "freelancer_user",
      "content": "Draft uploaded. Please review.",
      "created_at": "2026-02-10T16:32:00Z"
    }
  },
  {
    "method": "POST",
    "path": "/messaging/conversations/{id}/mark-read/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "conversation_id": 99,
      "marked_read": 1,
      "unread_count": 0
    }
  },
  {
    "method": "GET",
    "path": "/messaging/statistics/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "total_conversations": 3,
      "total_messages_sent": 24,
      "total_messages_received": 31,
      "unread_messages": 1,
      "unread_conversations": 1
    }
  },
  {
    "method": "POST",
    "path": "/payments/connect/create/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "account_id": "acct_1QdemoLina",
      "status": "pending",
      "charges_enabled": false,
      "payouts_enabled": false,
      "details_submitted": false,
      "requirements_due": [
        "external_account",
        "individual.verification.document"
      ],
      "country": "LB"
    }
  },
  {
    "method": "POST",
    "path": "/payments/connect/onboarding/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "url": "https://connect.stripe.com/setup/e/acct_1QdemoLina/Xy7pQ2",
      "expires_at": "2026-02-10T16:37:00Z"
    }
  },
  {
    "method": "GET",
    "path": "/payments/connect/status/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "account_id": "acct_1QdemoLina",
      "status": "active",
      "charges_enabled": true,
      "payouts_enabled": true,
      "details_submitted": true,
      "requirements_due": [],
      "country": "LB"
    }
  },
  {
    "method": "POST",
    "path": "/payments/intents/create/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "intent_id": "pi_3QdemoEscrow42",
      "client_secret": "pi_3QdemoEscrow42_secret_Fk29dLw",
      "status": "requires_payment_method",
      "escrow_id": 12,
      "amount": "200.00",
      "currency": "usd"
    }
  },
  {
    "method": "GET",
    "path": "/payments/escrow/{id}/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 12,
      "task": {
        "id": 42,
        "title": "Integrate our CRM with a REST API",
        "status": "in_progress",
        "budget": "200.00",
        "currency": "usd",
        "category": {
          "id": 3,
          "slug": "web-development",
          "name": "Web Development",
          "description": "Websites, web applications, APIs and integrations."
        },
        "client": {
          "id": 1,
          "username": "sara",
          "display_name": "Sara Ahmed",
          "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
          "is_client": true,
          "is_freelancer": true,
          "rating": "4.90",
          "reviews_count": 8
        },
        "deadline": "2036-03-01T00:00:00Z",
        "created_at": "2026-02-08T09:15:00Z"
      },
      "client": {
        "id": 1,
        "username": "sara",
        "display_name": "Sara Ahmed",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "is_client": true,
        "is_freelancer": true,
        "rating": "4.90",
        "reviews_count": 8
      },
      "freelancer": {
        "id": 2,
        "username": "freelancer_user",
        "display_name": "Lina Haddad",
        "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
        "is_client": false,
        "is_freelancer": true,
        "rating": "4.80",
        "reviews_count": 12
      },
      "amount": "200.00",
      "platform_fee": null,
      "freelancer_amount": null,
      "currency": "usd",
      "status": "funded",
      "payment_intent_id": "pi_3QdemoEscrow42",
      "created_at": "2026-02-10T09:05:00Z",
      "funded_at": "2026-02-10T09:06:00Z",
      "released_at": null,
      "refunded_at": null
    }
  },
  {
    "method": "POST",
    "path": "/payments/escrow/{id}/release/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 12,
      "task": {
        "id": 42,
        "title": "Integrate our CRM with a REST API",
        "status": "completed",
        "budget": "200.00",
        "currency": "usd",
        "category": {
          "id": 3,
          "slug": "web-development",
          "name": "Web Development",
          "description": "Websites, web applications, APIs and integrations."
        },
        "client": {
          "id": 1,
          "username": "sara",
          "display_name": "Sara Ahmed",
          "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
          "is_client": true,
          "is_freelancer": true,
          "rating": "4.90",
          "reviews_count": 8
        },
        "deadline": "2036-03-01T00:00:00Z",
        "created_at": "2026-02-08T09:15:00Z"
      },
      "client": {
        "id": 1,
        "username": "sara",
        "display_name": "Sara Ahmed",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "is_client": true,
        "is_freelancer": true,
        "rating": "4.90",
        "reviews_count": 8
      },
      "freelancer": {
        "id": 2,
        "username": "freelancer_user",
        "display_name": "Lina Haddad",
        "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
        "is_client": false,
        "is_freelancer": true,
        "rating": "4.80",
        "reviews_count": 12
      },
      "amount": "200.00",
      "platform_fee": "20.00",
      "freelancer_amount": "180.00",
      "currency": "usd",
      "status": "released",
      "payment_intent_id": "pi_3QdemoEscrow42",
      "created_at": "2026-02-10T09:05:00Z",
      "funded_at": "2026-02-10T09:06:00Z",
      "released_at": "2026-02-21T10:00:00Z",
      "refunded_at": null
    }
  },
  {
    "method": "POST",
    "path": "/payments/escrow/{id}/refund/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 12,
      "task": {
        "id": 42,
        "title": "Integrate our CRM with a REST API",
        "status": "in_progress",
        "budget": "200.00",
        "currency": "usd",
        "category": {
          "id": 3,
          "slug": "web-development",
          "name": "Web Development",
          "description": "Websites, web applications, APIs and integrations."
        },
        "client": {
          "id": 1,
          "username": "sara",
          "display_name": "Sara Ahmed",
          "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
          "is_client": true,
          "is_freelancer": true,
          "rating": "4.90",
          "reviews_count": 8
        },
        "deadline": "2036-03-01T00:00:00Z",
        "created_at": "2026-02-08T09:15:00Z"
      },
      "client": {
        "id": 1,
        "username": "sara",
        "display_name": "Sara Ahmed",
        "avatar_url": "https://cdn.taskmarket.example/avatars/1.png",
        "is_client": true,
        "is_freelancer": true,
        "rating": "4.90",
        "reviews_count": 8
      },
      "freelancer": {
        "id": 2,
        "username": "freelancer_user",
        "display_name": "Lina Haddad",
        "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
        "is_client": false,
        "is_freelancer": true,
        "rating": "4.80",
        "reviews_count": 12
      },
      "amount": "200.00",
      "platform_fee": null,
      "freelancer_amount": null,
      "currency": "usd",
      "status": "refunded",
      "payment_intent_id": "pi_3QdemoEscrow42",
      "created_at": "2026-02-10T09:05:00Z",
      "funded_at": "2026-02-10T09:06:00Z",
      "released_at": null,
      "refunded_at": "2026-02-11T08:30:00Z"
    }
  },
  {
    "method": "GET",
    "path": "/payments/wallet/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "balance": "80.00",
      "pending_balance": "0.00",
      "currency": "usd",
      "total_earned": "130.00",
      "total_withdrawn": "50.00",
      "updated_at": "2026-02-02T10:00:00Z"
    }
  },
  {
    "method": "GET",
    "path": "/payments/wallet/transactions/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 3,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 1003,
          "type": "withdrawal",
          "amount": "-50.00",
          "currency": "usd",
          "balance_after": "80.00",
          "description": "Withdrawal 5",
          "escrow_id": null,
          "withdrawal_id": 5,
          "created_at": "2026-02-02T10:00:00Z"
        },
        {
          "id": 1002,
          "type": "platform_fee",
          "amount": "-8.00",
          "currency": "usd",
          "balance_after": "130.00",
          "description": "Platform fee (10%) for task 31",
          "escrow_id": 9,
          "withdrawal_id": null,
          "created_at": "2026-01-30T09:00:00Z"
        },
        {
          "id": 1001,
          "type": "escrow_release",
          "amount": "80.00",
          "currency": "usd",
          "balance_after": "138.00",
          "description": "Payment for task 31: Translate onboarding emails to Arabic",
          "escrow_id": 9,
          "withdrawal_id": null,
          "created_at": "2026-01-30T09:00:00Z"
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/payments/withdrawals/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 5,
          "amount": "50.00",
          "currency": "usd",
          "status": "paid",
          "stripe_payout_id": "po_1QdemoPayout5",
          "failure_reason": null,
          "created_at": "2026-02-02T10:00:00Z",
          "processed_at": "2026-02-04T08:00:00Z"
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/payments/withdrawals/create/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "id": 5,
      "amount": "50.00",
      "currency": "usd",
      "status": "pending",
      "stripe_payout_id": null,
      "failure_reason": null,
      "created_at": "2026-02-02T10:00:00Z",
      "processed_at": null
    }
  },
  {
    "method": "GET",
    "path": "/payments/payment-methods/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "results": [
        {
          "id": 3,
          "stripe_payment_method_id": "pm_1QdemoVisa4242",
          "type": "card",
          "brand": "visa",
          "last4": "4242",
          "exp_month": 12,
          "exp_year": 2028,
          "is_default": true,
          "created_at": "2026-01-06T09:00:00Z"
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/payments/payment-methods/create/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "id": 3,
      "stripe_payment_method_id": "pm_1QdemoVisa4242",
      "type": "card",
      "brand": "visa",
      "last4": "4242",
      "exp_month": 12,
      "exp_year": 2028,
      "is_default": true,
      "created_at": "2026-01-06T09:00:00Z"
    }
  },
  {
    "method": "DELETE",
    "path": "/payments/payment-methods/{id}/delete/",
    "status": 204,
    "contentType": null,
    "body": null
  },
  {
    "method": "POST",
    "path": "/payments/payment-methods/{id}/set-default/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 3,
      "stripe_payment_method_id": "pm_1QdemoVisa4242",
      "type": "card",
      "brand": "visa",
      "last4": "4242",
      "exp_month": 12,
      "exp_year": 2028,
      "is_default": true,
      "created_at": "2026-01-06T09:00:00Z"
    }
  },
  {
    "method": "POST",
    "path": "/payments/webhooks/stripe/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "received": true
    }
  },
  {
    "method": "GET",
    "path": "/recommendations/tasks/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "results": [
        {
          "task_id": 56,
          "match_score": 0.91,
          "reason": "Python + API integration history",
          "matched_skills": [
            "python"
          ],
          "task": {
            "id": 56,
            "title": "Python scraper for competitor prices",
            "status": "open",
            "budget": "350.00",
            "currency": "usd",
            "category": {
              "id": 5,
              "slug": "data-science",
              "name": "Data Science & Analytics",
              "description": "Data collection, analysis, machine learning and dashboards."
            },
            "client": {
              "id": 3,
              "username": "omar",
              "display_name": "Omar Khalil",
              "avatar_url": null,
              "is_client": true,
              "is_freelancer": false,
              "rating": "4.70",
              "reviews_count": 5
            },
            "deadline": "2036-03-15T00:00:00Z",
            "created_at": "2026-02-09T14:20:00Z"
          }
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/recommendations/freelancers/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "results": [
        {
          "freelancer": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "match_score": 0.88,
          "reason": "Python and REST APIs, 14 completed tasks, rated 4.80",
          "matched_skills": [
            "python",
            "rest-apis"
          ],
          "has_applied": false
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/recommendations/freelancers/{task_id}/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "results": [
        {
          "freelancer": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "match_score": 0.88,
          "reason": "Python and REST APIs, 14 completed tasks, rated 4.80",
          "matched_skills": [
            "python",
            "rest-apis"
          ],
          "has_applied": true
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/recommendations/preferences/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "preferred_categories": [
        {
          "id": 3,
          "slug": "web-development",
          "name": "Web Development",
          "description": "Websites, web applications, APIs and integrations."
        },
        {
          "id": 5,
          "slug": "data-science",
          "name": "Data Science & Analytics",
          "description": "Data collection, analysis, machine learning and dashboards."
        }
      ],
      "preferred_skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "min_budget": "100.00",
      "max_budget": null,
      "currency": "usd",
      "remote_only": true,
      "email_digest": "weekly",
      "updated_at": "2026-02-01T10:00:00Z"
    }
  },
  {
    "method": "PUT",
    "path": "/recommendations/preferences/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "preferred_categories": [
        {
          "id": 3,
          "slug": "web-development",
          "name": "Web Development",
          "description": "Websites, web applications, APIs and integrations."
        },
        {
          "id": 5,
          "slug": "data-science",
          "name": "Data Science & Analytics",
          "description": "Data collection, analysis, machine learning and dashboards."
        }
      ],
      "preferred_skills": [
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        }
      ],
      "min_budget": "100.00",
      "max_budget": null,
      "currency": "usd",
      "remote_only": true,
      "email_digest": "weekly",
      "updated_at": "2026-02-01T10:00:00Z"
    }
  },
  {
    "method": "POST",
    "path": "/recommendations/onboarding/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "completed": true,
      "completed_at": "2026-01-07T12:10:00Z",
      "steps": {
        "profile": true,
        "skills": true,
        "preferences": true,
        "payments": false
      },
      "next_step": "payments"
    }
  },
  {
    "method": "GET",
    "path": "/recommendations/onboarding/status/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "completed": true,
      "completed_at": "2026-01-07T12:10:00Z",
      "steps": {
        "profile": true,
        "skills": true,
        "preferences": true,
        "payments": false
      },
      "next_step": "payments"
    }
  },
  {
    "method": "GET",
    "path": "/recommendations/service-offerings/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 21,
          "freelancer": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "title": "REST API integrations",
          "description": "I connect your CRM, billing and internal tools through their REST APIs.",
          "category": {
            "id": 3,
            "slug": "web-development",
            "name": "Web Development",
            "description": "Websites, web applications, APIs and integrations."
          },
          "skills": [
            {
              "id": 11,
              "slug": "python",
              "name": "Python",
              "category_id": 5
            },
            {
              "id": 17,
              "slug": "rest-apis",
              "name": "REST APIs",
              "category_id": 3
            }
          ],
          "price_from": "150.00",
          "currency": "usd",
          "delivery_days": 5,
          "created_at": "2026-01-10T09:00:00Z"
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/recommendations/skills/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "results": [
        {
          "id": 18,
          "slug": "django",
          "name": "Django",
          "category_id": 3
        },
        {
          "id": 16,
          "slug": "copywriting",
          "name": "Copywriting",
          "category_id": 2
        },
        {
          "id": 15,
          "slug": "figma",
          "name": "Figma",
          "category_id": 1
        },
        {
          "id": 14,
          "slug": "postgresql",
          "name": "PostgreSQL",
          "category_id": 5
        },
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        },
        {
          "id": 13,
          "slug": "react",
          "name": "React",
          "category_id": 3
        },
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        },
        {
          "id": 12,
          "slug": "typescript",
          "name": "TypeScript",
          "category_id": 3
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/recommendations/skills/my/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "results": [
        {
          "skill": {
            "id": 11,
            "slug": "python",
            "name": "Python",
            "category_id": 5
          },
          "level": "expert",
          "years_experience": 6
        },
        {
          "skill": {
            "id": 17,
            "slug": "rest-apis",
            "name": "REST APIs",
            "category_id": 3
          },
          "level": "expert",
          "years_experience": 5
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/recommendations/skills/update/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "results": [
        {
          "skill": {
            "id": 11,
            "slug": "python",
            "name": "Python",
            "category_id": 5
          },
          "level": "expert",
          "years_experience": 6
        },
        {
          "skill": {
            "id": 17,
            "slug": "rest-apis",
            "name": "REST APIs",
            "category_id": 3
          },
          "level": "expert",
          "years_experience": 5
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/recommendations/categories/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "results": [
        {
          "category": {
            "id": 3,
            "slug": "web-development",
            "name": "Web Development",
            "description": "Websites, web applications, APIs and integrations."
          },
          "open_tasks": 1,
          "freelancers": 2,
          "popular_skills": [
            {
              "id": 17,
              "slug": "rest-apis",
              "name": "REST APIs",
              "category_id": 3
            },
            {
              "id": 13,
              "slug": "react",
              "name": "React",
              "category_id": 3
            }
          ]
        },
        {
          "category": {
            "id": 5,
            "slug": "data-science",
            "name": "Data Science & Analytics",
            "description": "Data collection, analysis, machine learning and dashboards."
          },
          "open_tasks": 1,
          "freelancers": 1,
          "popular_skills": [
            {
              "id": 11,
              "slug": "python",
              "name": "Python",
              "category_id": 5
            }
          ]
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/chatbot/chat/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "session_id": 17,
      "user_message": {
        "id": 201,
        "session_id": 17,
        "role": "user",
        "content": "I need someone to connect our CRM to Stripe",
        "rating": null,
        "created_at": "2026-02-12T10:00:00Z"
      },
      "reply": {
        "id": 202,
        "session_id": 17,
        "role": "assistant",
        "content": "Happy to help you write this up. Which CRM do you use, and what should sync with Stripe: customers, invoices or both?",
        "rating": null,
        "created_at": "2026-02-12T10:00:03Z"
      },
      "session_status": "active",
      "task_draft_ready": false
    }
  },
  {
    "method": "GET",
    "path": "/chatbot/sessions/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 17,
          "title": "CRM to Stripe integration",
          "status": "active",
          "messages_count": 2,
          "last_message_at": "2026-02-12T10:00:03Z",
          "created_at": "2026-02-12T10:00:00Z"
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/chatbot/sessions/{id}/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 17,
      "title": "CRM to Stripe integration",
      "status": "active",
      "messages": [
        {
          "id": 201,
          "session_id": 17,
          "role": "user",
          "content": "I need someone to connect our CRM to Stripe",
          "rating": null,
          "created_at": "2026-02-12T10:00:00Z"
        },
        {
          "id": 202,
          "session_id": 17,
          "role": "assistant",
          "content": "Happy to help you write this up. Which CRM do you use, and what should sync with Stripe: customers, invoices or both?",
          "rating": null,
          "created_at": "2026-02-12T10:00:03Z"
        }
      ],
      "task_draft": null,
      "created_at": "2026-02-12T10:00:00Z",
      "ended_at": null
    }
  },
  {
    "method": "POST",
    "path": "/chatbot/sessions/{id}/end/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 17,
      "title": "CRM to Stripe integration",
      "status": "ended",
      "messages": [
        {
          "id": 201,
          "session_id": 17,
          "role": "user",
          "content": "I need someone to connect our CRM to Stripe",
          "rating": null,
          "created_at": "2026-02-12T10:00:00Z"
        },
        {
          "id": 202,
          "session_id": 17,
          "role": "assistant",
          "content": "Happy to help you write this up. Which CRM do you use, and what should sync with Stripe: customers, invoices or both?",
          "rating": null,
          "created_at": "2026-02-12T10:00:03Z"
        }
      ],
      "task_draft": null,
      "created_at": "2026-02-12T10:00:00Z",
      "ended_at": "2026-02-12T10:20:00Z"
    }
  },
  {
    "method": "POST",
    "path": "/chatbot/sessions/{id}/extract-task/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "title": "Connect our CRM to Stripe",
      "description": "Sync customers and invoices between our HubSpot CRM and Stripe in both directions.",
      "category": {
        "id": 3,
        "slug": "web-development",
        "name": "Web Development",
        "description": "Websites, web applications, APIs and integrations."
      },
      "skills": [
        {
          "id": 17,
          "slug": "rest-apis",
          "name": "REST APIs",
          "category_id": 3
        },
        {
          "id": 11,
          "slug": "python",
          "name": "Python",
          "category_id": 5
        }
      ],
      "budget": "200.00",
      "currency": "usd",
      "deadline": null,
      "remote": true,
      "location": null,
      "missing_fields": [
        "deadline"
      ],
      "confidence": 0.82
    }
  },
  {
    "method": "POST",
    "path": "/chatbot/suggest-category/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "results": [
        {
          "category": {
            "id": 3,
            "slug": "web-development",
            "name": "Web Development",
            "description": "Websites, web applications, APIs and integrations."
          },
          "confidence": 0.86
        },
        {
          "category": {
            "id": 5,
            "slug": "data-science",
            "name": "Data Science & Analytics",
            "description": "Data collection, analysis, machine learning and dashboards."
          },
          "confidence": 0.21
        }
      ]
    }
  },
  {
    "method": "POST",
    "path": "/chatbot/messages/{id}/rate/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 202,
      "session_id": 17,
      "role": "assistant",
      "content": "Happy to help you write this up. Which CRM do you use, and what should sync with Stripe: customers, invoices or both?",
      "rating": "up",
      "created_at": "2026-02-12T10:00:03Z"
    }
  },
  {
    "method": "GET",
    "path": "/chatbot/status/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "available": true,
      "provider": "openai",
      "model": "gpt-4o-mini",
      "features": [
        "chat",
        "extract_task",
        "suggest_category"
      ]
    }
  },
  {
    "method": "GET",
    "path": "/chatbot/statistics/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "total_sessions": 3,
      "active_sessions": 1,
      "total_messages": 14,
      "tasks_extracted": 2,
      "ratings": {
        "up": 4,
        "down": 1
      },
      "tokens": {
        "prompt": 5120,
        "completion": 1480,
        "total": 6600
      }
    }
  },
  {
    "method": "GET",
    "path": "/notifications/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "count": 1,
      "next": null,
      "previous": null,
      "results": [
        {
          "id": 5001,
          "type": "application_received",
          "title": "New application on your task",
          "body": "freelancer_user applied to \"Integrate our CRM with a REST API\" with a bid of 120.00 USD.",
          "is_read": false,
          "read_at": null,
          "actor": {
            "id": 2,
            "username": "freelancer_user",
            "display_name": "Lina Haddad",
            "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
            "is_client": false,
            "is_freelancer": true,
            "rating": "4.80",
            "reviews_count": 12
          },
          "target": {
            "kind": "application",
            "id": 308,
            "url": "/api/tasks/42/applications/"
          },
          "created_at": "2026-02-09T11:00:00Z"
        }
      ]
    }
  },
  {
    "method": "GET",
    "path": "/notifications/unread-count/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "unread_count": 3
    }
  },
  {
    "method": "POST",
    "path": "/notifications/mark-all-read/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "updated": 3
    }
  },
  {
    "method": "DELETE",
    "path": "/notifications/clear-all/",
    "status": 204,
    "contentType": null,
    "body": null
  },
  {
    "method": "GET",
    "path": "/notifications/preferences/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "email_enabled": true,
      "in_app_enabled": true,
      "digest": "none",
      "types": {
        "application_received": {
          "in_app": true,
          "email": true
        },
        "application_accepted": {
          "in_app": true,
          "email": true
        },
        "application_rejected": {
          "in_app": true,
          "email": false
        },
        "message_received": {
          "in_app": true,
          "email": false
        },
        "task_completed": {
          "in_app": true,
          "email": true
        },
        "task_cancelled": {
          "in_app": true,
          "email": true
        },
        "review_received": {
          "in_app": true,
          "email": false
        },
        "payment_received": {
          "in_app": true,
          "email": true
        },
        "payment_released": {
          "in_app": true,
          "email": true
        },
        "payment_refunded": {
          "in_app": true,
          "email": true
        },
        "withdrawal_paid": {
          "in_app": true,
          "email": true
        },
        "withdrawal_failed": {
          "in_app": true,
          "email": true
        }
      }
    }
  },
  {
    "method": "PUT",
    "path": "/notifications/preferences/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "email_enabled": true,
      "in_app_enabled": true,
      "digest": "daily",
      "types": {
        "application_received": {
          "in_app": true,
          "email": true
        },
        "application_accepted": {
          "in_app": true,
          "email": true
        },
        "application_rejected": {
          "in_app": true,
          "email": false
        },
        "message_received": {
          "in_app": true,
          "email": false
        },
        "task_completed": {
          "in_app": true,
          "email": true
        },
        "task_cancelled": {
          "in_app": true,
          "email": true
        },
        "review_received": {
          "in_app": true,
          "email": false
        },
        "payment_received": {
          "in_app": true,
          "email": true
        },
        "payment_released": {
          "in_app": true,
          "email": true
        },
        "payment_refunded": {
          "in_app": true,
          "email": true
        },
        "withdrawal_paid": {
          "in_app": true,
          "email": true
        },
        "withdrawal_failed": {
          "in_app": true,
          "email": true
        }
      }
    }
  },
  {
    "method": "POST",
    "path": "/notifications/unsubscribe/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "detail": "You will receive no more notification mails."
    }
  },
  {
    "method": "GET",
    "path": "/stream/",
    "status": 200,
    "contentType": "text/event-stream",
    "body": "id: 1042\nevent: message.created\ndata: {\"id\":771,\"conversation_id\":99,\"sender\":{\"id\":2,\"username\":\"freelancer_user\",\"display_name\":\"Lina Haddad\",\"avatar_url\":\"https://cdn.taskmarket.example/avatars/2.png\",\"is_client\":false,\"is_freelancer\":true,\"rating\":\"4.80\",\"reviews_count\":12},\"content\":\"Draft uploaded. Please review.\",\"is_read\":false,\"read_at\":null,\"created_at\":\"2026-02-10T16:32:00Z\"}\n\n"
  },
  {
    "method": "POST",
    "path": "/stream/ticket/",
    "status": 201,
    "contentType": "application/json",
    "body": {
      "ticket": "tkt_Zq3mV9xK2mLp9sR4wY7zB1cD5fG6hJ0k",
      "expires_at": "2026-02-10T16:33:00Z"
    }
  },
  {
    "method": "POST",
    "path": "/notifications/{id}/read/",
    "status": 200,
    "contentType": "application/json",
    "body": {
      "id": 5001,
      "type": "application_received",
      "title": "New application on your task",
      "body": "freelancer_user applied to \"Integrate our CRM with a REST API\" with a bid of 120.00 USD.",
      "is_read": true,
      "read_at": "2026-02-09T12:30:00Z",
      "actor": {
        "id": 2,
        "username": "freelancer_user",
        "display_name": "Lina Haddad",
        "avatar_url": "https://cdn.taskmarket.example/avatars/2.png",
        "is_client": false,
        "is_freelancer": true,
        "rating": "4.80",
        "reviews_count": 12
      },
      "target": {
        "kind": "application",
        "id": 308,
        "url": "/api/tasks/42/applications/"
      },
      "created_at": "2026-02-09T11:00:00Z"
    }
  },
  {
    "method": "DELETE",
    "path": "/notifications/{id}/delete/",
    "status": 204,
    "contentType": null,
    "body": null
  }
];
