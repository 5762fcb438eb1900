<?php
/**
 * Plugin Name: Hello
 */
defined( 'ABSPATH' ) || exit;

add_action( 'init', function () {
	register_post_type( 'book', array(
		'public'   => true,
		'label'    => __( 'Books', 'hello' ),
		'supports' => array( 'title', 'editor' ),
	) );
} );

function hello_shortcode( $atts ) {
	$a = short