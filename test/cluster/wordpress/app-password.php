<?php
/**
 * Prints a new application password for a user, made by WordPress's own code in a WordPress pod (its
 * docroot and environment), as the admin's profile page would. Arguments: site host, user login.
 */
[, $host, $login] = $argv;
$_SERVER['HTTP_HOST'] = $host;
$_SERVER['HTTPS'] = 'on';
define('WP_USE_THEMES', false);
require '/var/www/html/wp-load.php';
$user = get_user_by('login', $login);
if (!$user) {
	fwrite(STDERR, "no user $login\n");
	exit(1);
}
$made = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'real-cluster test']);
if (is_wp_error($made)) {
	fwrite(STDERR, $made->get_error_message() . "\n");
	exit(1);
}
echo $made[0], "\n";
